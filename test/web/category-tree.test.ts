// The category picker's tree: order, inactive categories, the UI language, cycles and search.
import { describe, expect, it } from 'vitest';
import {
  buildCategoryTree,
  type CategoryItem,
  categoryName,
  categoryPath,
  matchesCategorySearch,
  type TreeNode,
} from '../../web/src/lib/category-tree.ts';

const cat = (
  id: string,
  parentId: string | null,
  name: string,
  nameEn: string | null,
  more = {},
): CategoryItem => ({
  id,
  parentId,
  name,
  nameEn,
  active: true,
  ...more,
});

// Deliberately out of order.
const ITEMS: CategoryItem[] = [
  cat('c11', 'billing', '不明扣费', 'Unexplained charges', { position: 2 }),
  cat('billing', null, '资费与计费', 'Billing', { position: 2 }),
  cat('c12', 'billing', '套餐变更', null, { position: 1 }),
  cat('c13', 'billing', '已停用分类', 'Retired', { position: 0, active: false }),
  cat('network', null, '网络质量', 'Network quality', { position: 1 }),
  cat('c21', 'network', '宽带断网', 'Broadband outage'),
  cat('c211', 'c21', '光猫故障', 'ONT fault', { position: 1 }),
  cat('old', null, '旧分类', 'Old', { position: 0, active: false }),
  cat('c31', 'old', '旧分类下的子类', 'Child of old', { position: 0 }),
];

/** value and title only, for readable expectations. */
function shape(nodes: TreeNode[]): unknown[] {
  return nodes.map((n) => (n.children.length ? [n.value, n.title, shape(n.children)] : [n.value, n.title]));
}

describe('categoryName', () => {
  it.each<[string, string | null, string, string]>([
    ['资费与计费', 'Billing', 'zh-CN', '资费与计费'],
    ['资费与计费', 'Billing', 'en-US', 'Billing'],
    ['资费与计费', 'Billing', 'en', 'Billing'],
    ['资费与计费', 'Billing', 'en-GB', 'Billing'],
    ['资费与计费', 'Billing', 'zh', '资费与计费'],
    ['资费与计费', null, 'en-US', '资费与计费'],
    ['资费与计费', '', 'en-US', '资费与计费'],
  ])('%s / %s in %s → %s', (name, nameEn, lang, expected) => {
    expect(categoryName({ name, nameEn }, lang)).toBe(expected);
  });
});

describe('buildCategoryTree', () => {
  it('orders siblings by position and drops inactive categories with their subtrees (zh-CN)', () => {
    expect(shape(buildCategoryTree(ITEMS, 'zh-CN'))).toEqual([
      ['network', '网络质量', [['c21', '宽带断网', [['c211', '光猫故障']]]]],
      [
        'billing',
        '资费与计费',
        [
          ['c12', '套餐变更'],
          ['c11', '不明扣费'],
        ],
      ],
    ]);
  });

  it('names nodes in English, falling back to the Chinese name', () => {
    expect(shape(buildCategoryTree(ITEMS, 'en-US'))).toEqual([
      ['network', 'Network quality', [['c21', 'Broadband outage', [['c211', 'ONT fault']]]]],
      [
        'billing',
        'Billing',
        [
          ['c12', '套餐变更'],
          ['c11', 'Unexplained charges'],
        ],
      ],
    ]);
  });

  it('every node is searchable by both names, in lower case', () => {
    const [network, billing] = buildCategoryTree(ITEMS, 'zh-CN');
    expect(network?.search).toBe('网络质量 network quality');
    expect(billing?.children[0]?.search).toBe('套餐变更 ');
    expect(billing?.children[1]?.search).toBe('不明扣费 unexplained charges');
  });

  it('a missing position counts as 0 and ties keep the server order', () => {
    const items = [
      cat('b', null, '乙', null),
      cat('a', null, '甲', null, { position: 0 }),
      cat('z', null, '最后', null, { position: 9 }),
      cat('n', null, '负数', null, { position: -1 }),
    ];
    expect(buildCategoryTree(items, 'zh-CN').map((n) => n.value)).toEqual(['n', 'b', 'a', 'z']);
  });

  it('an empty list gives an empty tree', () => {
    expect(buildCategoryTree([], 'zh-CN')).toEqual([]);
  });

  it('does not loop on a cycle: nodes not reachable from a root are left out', () => {
    const items = [
      cat('root', null, '根', null),
      cat('a', 'b', '甲', null),
      cat('b', 'a', '乙', null),
      cat('self', 'self', '自己', null),
    ];
    expect(shape(buildCategoryTree(items, 'zh-CN'))).toEqual([['root', '根']]);
  });

  it('does not loop when an id appears twice, once as its own child', () => {
    const items = [cat('x', null, '甲', null), cat('x', 'x', '甲的副本', null)];
    expect(shape(buildCategoryTree(items, 'zh-CN'))).toEqual([['x', '甲']]);
  });

  it('builds deep trees', () => {
    const items = Array.from({ length: 8 }, (_, i) => cat(`l${i}`, i ? `l${i - 1}` : null, `第${i}层`, null));
    let depth = 0;
    for (let n = buildCategoryTree(items, 'zh-CN')[0]; n; n = n.children[0]) depth++;
    expect(depth).toBe(8);
  });
});

describe('categoryPath', () => {
  it.each<[string | null, string, string | null]>([
    ['c11', 'zh-CN', '资费与计费 / 不明扣费'],
    ['c11', 'en-US', 'Billing / Unexplained charges'],
    ['c12', 'en-US', 'Billing / 套餐变更'],
    ['c211', 'zh-CN', '网络质量 / 宽带断网 / 光猫故障'],
    ['network', 'zh-CN', '网络质量'],
    ['c13', 'zh-CN', '资费与计费 / 已停用分类'],
    ['c31', 'en-US', 'Old / Child of old'],
    ['unknown', 'zh-CN', null],
    [null, 'zh-CN', null],
  ])('%s in %s → %s', (id, lang, expected) => {
    expect(categoryPath(ITEMS, id, lang)).toBe(expected);
  });

  it('stops on a cycle', () => {
    const items = [cat('a', 'b', '甲', null), cat('b', 'a', '乙', null)];
    const path = categoryPath(items, 'a', 'zh-CN');
    expect(path?.endsWith('乙 / 甲')).toBe(true);
    expect(path?.split(' / ').length).toBeLessThanOrEqual(20);
  });

  it('a parent missing from the list ends the path', () => {
    expect(categoryPath([cat('orphan', 'gone', '孤儿', null)], 'orphan', 'zh-CN')).toBe('孤儿');
  });
});

describe('matchesCategorySearch', () => {
  const tree = buildCategoryTree(ITEMS, 'zh-CN');
  const nodes = { charges: tree[1]?.children[1] as TreeNode, plan: tree[1]?.children[0] as TreeNode };

  it.each<[string, keyof typeof nodes, boolean]>([
    ['', 'charges', true],
    ['   ', 'charges', true],
    ['扣费', 'charges', true],
    ['不明扣费', 'charges', true],
    [' 扣费 ', 'charges', true],
    ['unexplained', 'charges', true],
    ['UNEXPLAINED', 'charges', true],
    ['Charges', 'charges', true],
    ['退款', 'charges', false],
    ['refund', 'charges', false],
    ['资费', 'charges', false],
    ['套餐', 'plan', true],
    ['plan', 'plan', false],
  ])('%j in %s → %s', (q, node, expected) => {
    expect(matchesCategorySearch(q, nodes[node])).toBe(expected);
  });

  it('without a search text, the title is searched case-insensitively', () => {
    expect(matchesCategorySearch('BILL', { title: 'Billing' })).toBe(true);
    expect(matchesCategorySearch('计费', { title: '资费与计费' })).toBe(true);
    expect(matchesCategorySearch('x', {})).toBe(false);
    expect(matchesCategorySearch('', {})).toBe(true);
  });
});
