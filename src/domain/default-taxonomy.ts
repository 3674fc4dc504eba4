// The category tree a new installation starts with: the causes and subjects Chinese call
// centers (telecom, banking, e-commerce) see most. Admins edit it afterwards.

export interface TaxonomyNode {
  name: string;
  nameEn: string;
  children?: TaxonomyNode[];
}

export const DEFAULT_TAXONOMY: TaxonomyNode[] = [
  {
    name: '资费与计费',
    nameEn: 'Charges and billing',
    children: [
      { name: '费用争议', nameEn: 'Disputed charge' },
      { name: '不明扣费', nameEn: 'Unexplained deduction' },
      { name: '套餐资费', nameEn: 'Plan and tariff' },
      { name: '退费退款', nameEn: 'Refund' },
    ],
  },
  {
    name: '网络与服务质量',
    nameEn: 'Network and service quality',
    children: [
      { name: '信号覆盖', nameEn: 'Signal coverage' },
      { name: '网速慢', nameEn: 'Slow connection' },
      { name: '服务中断', nameEn: 'Service outage' },
    ],
  },
  {
    name: '业务办理',
    nameEn: 'Service handling',
    children: [
      { name: '办理差错', nameEn: 'Handling error' },
      { name: '未经同意开通', nameEn: 'Subscribed without consent' },
      { name: '退订销户困难', nameEn: 'Hard to cancel' },
    ],
  },
  {
    name: '服务态度',
    nameEn: 'Service attitude',
    children: [
      { name: '坐席服务', nameEn: 'Call-center agent' },
      { name: '营业厅服务', nameEn: 'Branch or store staff' },
      { name: '上门服务', nameEn: 'On-site service' },
    ],
  },
  {
    name: '产品质量',
    nameEn: 'Product quality',
    children: [
      { name: '终端设备故障', nameEn: 'Device fault' },
      { name: '商品质量问题', nameEn: 'Goods defect' },
    ],
  },
  {
    name: '物流配送',
    nameEn: 'Delivery',
    children: [
      { name: '配送延迟', nameEn: 'Late delivery' },
      { name: '丢件破损', nameEn: 'Lost or damaged parcel' },
    ],
  },
  {
    name: '营销宣传',
    nameEn: 'Marketing',
    children: [
      { name: '宣传不实', nameEn: 'Misleading advertising' },
      { name: '营销骚扰', nameEn: 'Unwanted marketing' },
    ],
  },
  {
    name: '信息安全',
    nameEn: 'Privacy and security',
    children: [
      { name: '个人信息泄露', nameEn: 'Personal data leak' },
      { name: '账户安全', nameEn: 'Account security' },
    ],
  },
  { name: '其他', nameEn: 'Other' },
];
