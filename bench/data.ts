// Request bodies for POST /api/v1/complaints: a caller on the phone, confirmed, with two demands.
// Mostly new customers (random mobiles), with some repeat callers, as in a real queue.

const SURNAMES = [
  '张',
  '王',
  '李',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '磊',
  '强',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
];
const PRODUCTS = [
  '千兆宽带套餐',
  '变频空调',
  '滚筒洗衣机',
  '5G 手机',
  '智能电视',
  '年度会员卡',
  '燃气热水器',
  '冰箱',
];
const PROBLEMS = [
  '用了不到一周就无法开机',
  '每天晚上频繁断网，影响孩子上网课',
  '安装后第三天开始漏水，把地板泡坏了',
  '屏幕出现竖线，售后说要自费维修',
  '连续两个月被重复扣费',
  '约好的安装师傅三次都没有上门',
  '噪音特别大，晚上根本睡不着',
  '收到的是翻新机，包装已经被拆过',
];
const HISTORY = [
  '之前已经打过两次客服电话，每次都说会有人回电，结果一直没人联系我。',
  '我在营业厅也反映过，工作人员态度很差，让我自己找厂家。',
  '在线客服只会发模板回复，问题一点没解决。',
  '这是我第一次投诉，希望你们认真处理。',
];
const REFUNDS = ['退还多扣的 58 元月租', '全额退款 3299 元', '退还安装费 200 元', '按合同退还剩余月份的费用'];
const APOLOGIES = [
  '要求营业厅主管当面道歉',
  '要求客服主管书面道歉',
  '要求上门的工作人员电话道歉',
  '希望公司正式道歉并说明原因',
];

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)] as T;
}

function digits(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(Math.random() * 10);
  return s;
}

/** A valid mainland mobile number: 1[3-9] followed by nine digits. */
export function randomMobile(): string {
  return `1${3 + Math.floor(Math.random() * 7)}${digits(9)}`;
}

function customerName(): string {
  const surname = pick(SURNAMES);
  const r = Math.random();
  if (r < 0.4) return `${surname}先生`;
  if (r < 0.8) return `${surname}女士`;
  return `${surname}${pick(GIVEN)}${Math.random() < 0.5 ? pick(GIVEN) : ''}`;
}

const REPEAT_SHARE = 0.1;
const recentCallers: Array<{ phone: string; name: string }> = [];

function caller(): { phone: string; name: string } {
  if (recentCallers.length > 0 && Math.random() < REPEAT_SHARE) return pick(recentCallers);
  const c = { phone: randomMobile(), name: customerName() };
  if (recentCallers.length < 500) recentCallers.push(c);
  else recentCallers[Math.floor(Math.random() * recentCallers.length)] = c;
  return c;
}

/** One complaint as JSON text, ready to send. */
export function complaintBody(): string {
  const who = caller();
  const product = pick(PRODUCTS);
  const description =
    `我${Math.random() < 0.5 ? '上个月' : '前两周'}在你们这里办理/购买了${product}，` +
    `${pick(PROBLEMS)}。${pick(HISTORY)}请尽快给我一个答复，否则我会向消费者协会和 12315 投诉。`;
  return JSON.stringify({
    customer: { phone: who.phone, name: who.name },
    channel: 'phone_in',
    description,
    confirmed: true,
    demands: [
      { type: 'refund', description: pick(REFUNDS) },
      { type: 'apology', description: pick(APOLOGIES) },
    ],
  });
}
