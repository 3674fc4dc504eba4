// Whom to transfer to: a colleague of the same tier (转派 keeps the tier; a higher tier is reached by
// escalating with a reason). Colleagues of the complaint's tier come first; others are marked.
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTeams, useTiers } from '../../api/org-queries.ts';
import { useColleagues } from '../../api/queries.ts';
import { personTierLevel, tierName } from '../../lib/escalation.ts';

export function TransferPicker({
  tierLevel,
  exclude,
  value,
  onChange,
}: {
  tierLevel: number;
  /** The current handler: not a transfer. */
  exclude: string | undefined;
  value: string | undefined;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  const colleagues = useColleagues(true);
  const tiers = useTiers().data ?? [];
  const teams = useTeams().data ?? [];
  const tr = (k: string, v?: Record<string, unknown>) => t(k, v) as string;
  const people = (colleagues.data ?? [])
    .filter((u) => u.id !== exclude)
    .map((u) => ({ u, level: personTierLevel(u, tiers, teams) }));
  const label = (u: (typeof people)[number]['u']) =>
    `${u.name} · ${t(`roles.${u.role}`)}${u.team ? ` · ${u.team}` : ''}`;
  const same = people.filter((p) => p.level === tierLevel);
  const other = people.filter((p) => p.level !== tierLevel);
  return (
    <Select
      id="transfer-to"
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('actions.transferPick')}
      loading={colleagues.isPending}
      value={value}
      onChange={onChange}
      options={[
        {
          label: t('actions.transferSameTier', { tier: tierName(tierLevel, tr, tiers) }),
          options: same.map((p) => ({ value: p.u.id, label: label(p.u) })),
        },
        ...(other.length
          ? [
              {
                label: t('actions.transferOtherTiers'),
                options: other.map((p) => ({
                  value: p.u.id,
                  label: `${label(p.u)} · ${tierName(p.level, tr, tiers)}`,
                })),
              },
            ]
          : []),
      ]}
    />
  );
}
