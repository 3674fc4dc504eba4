// What customers complain about, per leaf of the default category tree: what they say in their own
// words, what they want, and what the facts turned out to be. Used by `tousu demo` only.
// Slots filled at random: {p} product, {amt} yuan, {small} yuan, {fee} yuan, {n} times, {days} days,
// {date} when, {place} district.
import type { DemandType, ResolutionClass } from '../domain/vocabulary.ts';
import { SERVICE_SCENARIOS } from './demo-scenarios-service.ts';

export interface Scenario {
  /** Name of the leaf category in the default taxonomy. */
  category: string;
  /** How common the complaint is, relative to the others. */
  weight: number;
  /** 0 ordinary · 1 often serious · 2 often a crisis (money lost, personal data). */
  risk: 0 | 1 | 2;
  products: string[];
  /** In the customer's words; one that starts with [product] is about that product. */
  texts: string[];
  demands: Array<[DemandType, string]>;
  /** What verification found when we were at fault; for verified facts and summaries. */
  causes: string[];
  /** What verification found when we were not at fault: money and apology demands are declined. */
  excuses?: string[];
  resolution?: ResolutionClass;
}

/** Charges, network and service handling here; attitude, goods, delivery, marketing and security next door. */
export const SCENARIOS: Scenario[] = [
  {
    category: '费用争议',
    weight: 14,
    risk: 0,
    products: ['5G畅享套餐', '4G流量卡', '融合宽带套餐'],
    texts: [
      '我这个月话费突然扣了{amt}元，平时也就七八十块，我根本没用那么多流量，你们给我查清楚到底扣的什么钱。',
      '我的{p}说好每月固定月租，这个月账单多出来{amt}块，说是超出套餐的费用，可我一直开着流量提醒，一条短信都没收到。',
      '我{date}已经办了停机保号，怎么还照常收了全月的费用？{amt}元，这钱凭什么扣？',
      '账单里有一笔国际漫游费{amt}元，我这几个月根本没出过国，你们是不是搞错了？',
    ],
    demands: [
      ['refund', '把多扣的钱退给我'],
      ['explanation', '说清楚这笔钱到底是怎么扣的'],
      ['improvement', '以后超出套餐要及时短信提醒'],
      ['compensation', '耽误我这么多时间，要给个说法'],
    ],
    causes: [
      '经核实系套餐变更后计费系统未同步，按标准资费多计费用',
      '经核实停机保号办理后系统未及时生效，多收一个月月租',
    ],
    excuses: ['经核实为客户手机后台应用自动更新产生的套外流量，提醒短信因号码设置拦截未送达'],
  },
  {
    category: '不明扣费',
    weight: 11,
    risk: 0,
    products: ['手机话费', '增值业务'],
    texts: [
      '今天收到短信说扣了{amt}元，我查了半天也不知道是什么业务，我从来没订过任何增值业务。',
      '[视频彩铃]我的手机连续{n}个月每月被扣{small}元，业务名叫什么“视频彩铃”，我根本不知道什么时候开的。',
      '[借记卡]银行卡里莫名其妙少了{amt}元，交易记录写着“快捷支付”，我没在任何地方消费过，很着急。',
    ],
    demands: [
      ['refund', '退还所有不明扣费'],
      ['explanation', '告诉我这个业务是谁给我开通的'],
      ['fix', '马上把这个业务取消掉'],
      ['staff_action', '查清楚是谁私自开通的，要严肃处理'],
    ],
    causes: [
      '经核实为第三方合作业务通过短信验证码订购，订购记录不完整',
      '经核实为商户重复扣款，已联系收单机构处理',
    ],
    excuses: ['经核实为客户家人使用该号码在应用内购买会员'],
  },
  {
    category: '套餐资费',
    weight: 7,
    risk: 0,
    products: ['5G畅享套餐', '融合宽带套餐', '老年卡'],
    texts: [
      '营业员说{p}每月只要{fee}元，结果合约里写的优惠期只有半年，现在每个月都多扣钱，这不是骗人吗？',
      '我想把套餐改成便宜一点的，客服说合约期内不能降档，当时办的时候根本没人告诉我。',
      '同样的{p}，新用户办只要一半的钱，我们老用户反而更贵，太不公平了。',
    ],
    demands: [
      ['explanation', '把套餐资费规则解释清楚'],
      ['fix', '按办理时承诺的资费执行'],
      ['refund', '把多收的差价退回来'],
      ['improvement', '办理时要把限制条件说清楚'],
    ],
    causes: ['经核实办理时营业员未充分告知优惠期限，录音可证'],
    excuses: ['经核实合约条款已明确告知，客户当时签字确认'],
  },
  {
    category: '退费退款',
    weight: 8,
    risk: 0,
    products: ['宽带预存款', '网购订单', '话费余额', '会员年费'],
    texts: [
      '我{date}申请退{p}，说好7个工作日到账，现在都过去{days}天了还没看到钱。',
      '[话费余额]销户的时候说余额{amt}元会退回，结果一直拖着，我打了{n}次电话都说在处理。',
      '[网购订单]退货都签收快两周了，退款还是“处理中”，催了好几次都没人理我。',
    ],
    demands: [
      ['refund', '尽快把钱退到账'],
      ['explanation', '给我一个明确的到账时间'],
      ['apology', '一直拖着不办，要给我道歉'],
    ],
    causes: ['经核实退款工单在财务环节积压未处理', '经核实退款因原支付账户注销被退回，未通知客户'],
  },
  {
    category: '信号覆盖',
    weight: 6,
    risk: 0,
    resolution: 'not_now',
    products: ['手机信号', '5G网络'],
    texts: [
      '我家住在{place}，从上个月开始屋里基本没信号，打电话要跑到阳台上，还老是断。',
      '小区交房两年了，地下车库和电梯里到现在一点信号都没有，物业说要运营商来处理。',
      '我在{place}上班，办公室里显示有5G，但网页根本打不开，电话也总掉线。',
    ],
    demands: [
      ['fix', '尽快派人来测试，把信号问题解决'],
      ['explanation', '告诉我什么时候能解决'],
      ['compensation', '信号不好这几个月的月租要减免'],
    ],
    causes: ['经现场测试，该区域为弱覆盖区，周边基站受物业阻挠未能建设', '经核实附近基站故障，已抢修恢复'],
  },
  {
    category: '网速慢',
    weight: 10,
    risk: 0,
    products: ['家庭宽带300M', '家庭宽带500M', '千兆宽带'],
    texts: [
      '我办的是{p}，测速只有二三十兆，晚上孩子上网课都卡，已经报修{n}次了还是老样子。',
      '最近一个月宽带一到晚上八点以后就特别慢，看视频一直转圈，打游戏延迟好几百。',
      '[5G流量]手机流量明明还剩很多，网速却慢得像2G，刷个网页要等半分钟，是不是被你们限速了？',
    ],
    demands: [
      ['fix', '派师傅上门把网速问题彻底解决'],
      ['explanation', '是不是限速了要说清楚'],
      ['compensation', '这段时间的宽带费要减免'],
    ],
    causes: ['经上门检测为分光器端口老化，更换后测速正常'],
    excuses: ['经核实客户套餐已达高速流量上限后降速，属套餐规则'],
  },
  {
    category: '服务中断',
    weight: 6,
    risk: 1,
    products: ['家庭宽带', '手机号码', '手机银行'],
    texts: [
      '[家庭宽带]{date}开始家里宽带完全断了，到现在{days}天了，报修说师傅会联系，一个电话都没有。',
      '[手机号码]昨天晚上手机突然没有服务，一整晚打不出电话，耽误了我一个很重要的工作电话。',
      '[手机银行]手机银行从早上就登录不了，我急着给供应商转账，打客服一直排不上队。',
    ],
    demands: [
      ['fix', '马上恢复服务'],
      ['compensation', '断网这几天的费用要赔'],
      ['explanation', '说清楚到底是什么原因'],
      ['improvement', '出了故障要及时通知用户'],
    ],
    causes: ['经核实为市政施工挖断光缆导致区域性中断', '经核实为系统升级时配置错误，已回退恢复'],
  },
  {
    category: '办理差错',
    weight: 5,
    risk: 1,
    products: ['副卡', '5G畅享套餐', '转账业务'],
    texts: [
      '[副卡]我去营业厅办的是副卡，结果给我办成了一个新号，现在两个号都在收月租。',
      '[5G畅享套餐]我让客服帮我取消一个流量包，结果把我的主套餐也改了，现在每月多了{small}块。',
      '[转账业务]柜员转账的时候把收款账号输错了，{amt}元转到了别人的账户，到现在还没追回来。',
    ],
    demands: [
      ['fix', '把业务改回原来的样子'],
      ['refund', '多扣的钱退给我'],
      ['apology', '办错业务的工作人员要给我道歉'],
      ['staff_action', '对办错业务的人要处理'],
    ],
    causes: ['经核实为营业员操作失误，选错业务类型', '经调取工单确认为坐席误操作变更主套餐'],
  },
  {
    category: '未经同意开通',
    weight: 7,
    risk: 1,
    products: ['视频会员', '流量加油包', '彩铃业务', '云盘会员'],
    texts: [
      '我从来没有同意过，手机上却开通了{p}，每月{small}元，已经扣了{n}个月了。',
      '上次有人打电话给我推销{p}，我明确说了不要，结果还是给我开通了。',
      '[增值业务]我父亲七十多岁，不会用智能手机，营业厅给他开了好几个增值业务，每月多扣几十块。',
    ],
    demands: [
      ['fix', '马上全部取消'],
      ['refund', '已经扣的钱全部退还'],
      ['explanation', '查清楚是谁开的、怎么开的'],
      ['staff_action', '对违规开通的人员严肃处理'],
    ],
    causes: ['经调取外呼录音，客户未明确同意办理，属违规开通', '经核实为渠道代理商违规操作开通'],
  },
  {
    category: '退订销户困难',
    weight: 5,
    risk: 0,
    products: ['宽带', '副卡', '手机号码'],
    texts: [
      '我要注销{p}，营业厅说必须回开户地办理，我人在外地根本回不去。',
      '[宽带]想退订宽带，客服一会儿让我找营业厅，一会儿让我找装维，来回推了{n}次。',
      '网上根本找不到退订入口，打客服电话绕了一大圈，最后告诉我要本人去营业厅。',
    ],
    demands: [
      ['fix', '帮我把业务退订或注销'],
      ['improvement', '能线上开通，就应该能线上退订'],
      ['refund', '申请退订之后多扣的钱要退回'],
    ],
    causes: ['经核实该业务支持异地注销，营业厅告知有误', '经核实退订流程需多部门处理，首问人员未跟进'],
  },
  ...SERVICE_SCENARIOS,
];

/** For a leaf category no scenario knows (an admin added it). */
export const GENERIC: Scenario = {
  category: '',
  weight: 0,
  risk: 0,
  products: ['业务'],
  texts: ['{date}遇到的问题到现在还没解决，我打了{n}次电话，每次都说会有人联系，一直没有下文。'],
  demands: [
    ['fix', '尽快把问题解决'],
    ['explanation', '给我一个明确的答复'],
  ],
  causes: ['经核实相关工单未及时流转'],
};
