// The category tree, searchable in Chinese or English.
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCategories } from '../api/queries.ts';
import { buildCategoryTree, matchesCategorySearch } from '../lib/category-tree.ts';

export function CategoryPicker({
  id,
  value,
  onChange,
  placeholder,
}: {
  id?: string;
  value: string | null;
  onChange: (v: string | null) => void;
  placeholder?: string;
}) {
  const { t, i18n } = useTranslation();
  const categories = useCategories();
  const tree = useMemo(
    () => buildCategoryTree(categories.data ?? [], i18n.language),
    [categories.data, i18n.language],
  );
  return (
    <TreeSelect
      id={id}
      showSearch={{
        filterTreeNode: (input, node) => matchesCategorySearch(input, node as { search?: string }),
      }}
      allowClear
      treeDefaultExpandAll
      value={value ?? undefined}
      onChange={(v) => onChange((v as string | undefined) ?? null)}
      treeData={tree}
      fieldNames={{ label: 'title', value: 'value', children: 'children' }}
      placeholder={placeholder ?? t('intake.categoryPlaceholder')}
      loading={categories.isPending}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
    />
  );
}
