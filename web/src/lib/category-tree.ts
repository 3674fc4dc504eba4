// The flat category list from the server as a searchable tree, named in the UI's language.

export interface CategoryItem {
  id: string;
  parentId: string | null;
  name: string;
  nameEn: string | null;
  active: boolean;
  position?: number;
}

export interface TreeNode {
  value: string;
  title: string;
  /** Both names, so a search in either language finds the node. */
  search: string;
  children: TreeNode[];
}

export function categoryName(c: Pick<CategoryItem, 'name' | 'nameEn'>, lang: string): string {
  return lang.startsWith('en') && c.nameEn ? c.nameEn : c.name;
}

export function buildCategoryTree(items: readonly CategoryItem[], lang: string): TreeNode[] {
  const active = items.filter((c) => c.active);
  const byParent = new Map<string | null, CategoryItem[]>();
  for (const c of active) {
    const list = byParent.get(c.parentId) ?? [];
    list.push(c);
    byParent.set(c.parentId, list);
  }
  const build = (parent: string | null, seen: Set<string>): TreeNode[] =>
    (byParent.get(parent) ?? [])
      .slice()
      .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
      .filter((c) => !seen.has(c.id))
      .map((c) => ({
        value: c.id,
        title: categoryName(c, lang),
        search: `${c.name} ${c.nameEn ?? ''}`.toLowerCase(),
        children: build(c.id, new Set([...seen, c.id])),
      }));
  return build(null, new Set());
}

/** "资费与计费 / 不明扣费": a category with its ancestors. */
export function categoryPath(items: readonly CategoryItem[], id: string | null, lang: string): string | null {
  if (!id) return null;
  const byId = new Map(items.map((c) => [c.id, c]));
  const names: string[] = [];
  let cur = byId.get(id);
  for (let guard = 0; cur && guard < 20; guard++) {
    names.unshift(categoryName(cur, lang));
    cur = cur.parentId ? byId.get(cur.parentId) : undefined;
  }
  return names.length ? names.join(' / ') : null;
}

export function matchesCategorySearch(input: string, node: { search?: string; title?: unknown }): boolean {
  const q = input.trim().toLowerCase();
  if (!q) return true;
  return (node.search ?? String(node.title ?? '').toLowerCase()).includes(q);
}
