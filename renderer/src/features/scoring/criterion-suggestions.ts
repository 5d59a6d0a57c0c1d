/**
 * The criteria park managers most often hold data for, offered as starting points: each fills in
 * a name (in both languages, from the translations `mcda.suggest.<id>`), a unit and a direction,
 * never values (those come from the user's own source).
 */
export interface CriterionSuggestion {
  id: 'land-price' | 'power-tariff' | 'incentives' | 'vacant-land' | 'factory-space';
  unit: string;
  type: 'benefit' | 'cost';
}

export const CRITERION_SUGGESTIONS: readonly CriterionSuggestion[] = [
  { id: 'land-price', unit: '元/亩', type: 'cost' },
  { id: 'power-tariff', unit: '元/千瓦时', type: 'cost' },
  { id: 'incentives', unit: '万元', type: 'benefit' },
  { id: 'vacant-land', unit: '亩', type: 'benefit' },
  { id: 'factory-space', unit: '万平方米', type: 'benefit' },
];
