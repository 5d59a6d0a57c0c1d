import { describe, expect, it } from 'vitest';
import { englishName } from './names.ts';

describe('englishName', () => {
  it.each([
    ['珠晖区', 'Zhuhui District'],
    ['衡南县', 'Hengnan County'],
    ['耒阳市', 'Leiyang City'],
    ['道县', 'Dao County'],
    ['麻阳苗族自治县', 'Mayang Miao Autonomous County'],
    ['靖州苗族侗族自治县', 'Jingzhou Miao and Dong Autonomous County'],
    ['湘西土家族苗族自治州', 'Xiangxi Tujia and Miao Autonomous Prefecture'],
    ['黔东南苗族侗族自治州', 'Qiandongnan Miao and Dong Autonomous Prefecture'],
    ['长沙', 'Changsha'],
    ['西安', "Xi'an"],
  ])('%s → %s', (zh, en) => {
    expect(englishName(zh)).toBe(en);
  });
});
