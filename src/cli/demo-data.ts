// Word lists for `tousu demo`: staff, customer names, phone prefixes, and the Chinese texts staff
// write while handling (answers to demands, contact notes, reasons, summaries).
import type { DemandType, Role } from '../domain/vocabulary.ts';

export const DEMO_PASSWORD = 'demo-pass-2026';

export interface DemoStaff {
  login: string;
  name: string;
  role: Role;
  team: string | null;
  /** Department staff: the department's name (one of DEPARTMENTS). */
  department?: string;
}

export const STAFF: DemoStaff[] = [
  { login: 'wangfang', name: '王芳', role: 'agent', team: '一线一组' },
  { login: 'lina', name: '李娜', role: 'agent', team: '一线一组' },
  { login: 'zhangwei', name: '张伟', role: 'agent', team: '一线一组' },
  { login: 'liuyang', name: '刘洋', role: 'agent', team: '一线二组' },
  { login: 'chenjing', name: '陈静', role: 'agent', team: '一线二组' },
  { login: 'yangfan', name: '杨帆', role: 'agent', team: '一线二组' },
  { login: 'zhaomin', name: '赵敏', role: 'specialist', team: '专家席' },
  { login: 'huanglei', name: '黄磊', role: 'specialist', team: '专家席' },
  { login: 'zhoujianguo', name: '周建国', role: 'supervisor', team: '客服中心' },
  { login: 'wuxiaomei', name: '吴晓梅', role: 'analyst', team: '质检分析' },
  { login: 'sunlijun', name: '孙立军', role: 'department', team: '网络运维部', department: '网络运维部' },
];

/** What handlers ask the back office, and what it answers. */
export const WORK_ORDERS = {
  request: [
    '请核实该用户本月是否订购了增值业务，订购渠道和时间',
    '请核查用户所在小区近一周的网络告警记录',
    '请确认该笔扣费的计费依据，是否存在重复扣费',
    '请核实装维人员上门时间及处理记录',
  ],
  answer: [
    '经核实，业务于本月3日通过短信渠道订购，有二次确认记录',
    '经核查，该小区上周二至周四有基站故障告警，已于周五修复',
    '经核实存在重复扣费一笔，已发起退费流程',
    '装维人员于预约时间晚到两小时，已对其进行考核',
  ],
};

/** Back-office departments that answer work orders. */
export const DEPARTMENTS = ['网络运维部', '计费中心', '物流部'];

/** Most common surnames first: the picker favours the front of the list. */
export const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];

export const GIVEN_NAMES = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚瑞斌鑫琳颖波辉倩璐',
  ...'秀英 桂英 建华 建国 志强 晓东 海燕 丽娟 秀兰 玉兰 春梅 红梅 立新 国华 文博 子涵 浩然 欣怡 雨轩 思远 梓萱 宇航 佳琪 俊杰 婷婷 晓丽 建平 德明 玉珍 凤英 海涛 志刚 丹丹 鹏飞 文静 慧敏 家豪 一鸣 雪梅 金凤 永强 春华 晓燕'.split(
    ' ',
  ),
];

/** Real mobile prefixes of the three carriers. */
export const MOBILE_PREFIXES = [
  '134 135 136 137 138 139 147 150 151 152 157 158 159 172 178 182 183 184 187 188 195 198',
  '130 131 132 145 155 156 166 175 176 185 186 196',
  '133 149 153 173 177 180 181 189 190 191 193 199',
]
  .join(' ')
  .split(' ');

export const FILL = {
  amt: ['38', '58', '66', '88', '120', '128', '199', '260', '300', '468', '599', '1200', '2380'],
  small: ['5', '6', '8', '10', '15', '20', '25', '29'],
  fee: ['59', '79', '99', '129', '199'],
  n: ['两', '三', '四', '五'],
  days: ['十', '十二', '十五', '十八', '二十'],
  date: ['上个月月初', '上周', '前几天', '本月5号', '上周五', '半个月前'],
  place: ['朝阳区', '浦东新区', '天河区', '南山区', '武侯区', '江北区', '西湖区', '雨花台区', '经开区'],
};

/** How customers open, by phone or in writing. */
export const OPENERS = {
  voice: ['', '', '', '喂，你好，', '我要投诉，', '你好，我想反映个问题。', '我跟你说，'],
  written: ['', '', '您好，', '你好，我要投诉：', '投诉：'],
};

/** Added to what the customer said, by who they are. */
export const TAILS = {
  venting: ['你们这是什么服务！', '我真是气坏了，你们到底管不管？', '我对你们太失望了！'],
  serious: [
    '再不解决我就去工信部投诉，找媒体曝光。',
    '我要求你们领导出面处理。',
    '这事不给我个说法，我就去12315投诉。',
  ],
  repeat: ['上次投诉的问题刚处理完，又出了这个事。', '我不是第一次投诉了，你们一直没改进。'],
  difficult: ['你们的规定我不管，今天必须给我解决。', '我要你们书面答复，一条一条写清楚。'],
};

/** Prefixes of complaints forwarded by integrations (channel api). */
export const API_SOURCES = ['【工信部申诉转办】', '【12315平台转办】', '【12345热线转办】'];

export const ANSWERS: Record<DemandType, { fulfilled: string[]; declined: string[] }> = {
  explanation: {
    fulfilled: ['已向客户详细说明原因及处理安排，客户表示理解', '已核实原因并向客户解释清楚'],
    declined: ['涉及第三方隐私，无法提供具体信息，已向客户说明'],
  },
  fix: {
    fulfilled: [
      '已安排处理，问题已解决，回访确认恢复正常',
      '已取消相关业务并恢复原状',
      '已派人员上门处理，测试正常',
    ],
    declined: [
      '该区域暂不具备建设条件，已登记需求并列入规划',
      '设备已过保修期，无法免费更换，已告知付费维修方案',
    ],
  },
  refund: {
    fulfilled: ['经核实确属多收，已办理退费，款项原路退回', '已提交退款，3个工作日内到账，已告知查询方式'],
    declined: ['经核实费用为本人使用产生，无多收情况，不予退费', '优惠已按协议享受，按约定不予退还'],
  },
  compensation: {
    fulfilled: ['按规定赠送一个月月租作为补偿', '给予50元话费补偿，已到账', '补偿30元代金券，已发放'],
    declined: ['客户要求的赔偿金额超出规定标准，已说明公司政策', '经核实不属于公司责任，不予赔偿'],
  },
  apology: {
    fulfilled: ['班组长已致电客户诚恳道歉', '已代表公司向客户正式道歉'],
    declined: ['经调听录音，工作人员无不当言行，已向客户说明'],
  },
  staff_action: {
    fulfilled: ['已反馈所属部门，对相关人员批评教育并纳入考核', '已按规定对涉事人员进行处理'],
    declined: ['经核查，工作人员按规范操作，不予处理'],
  },
  improvement: {
    fulfilled: ['客户建议已反馈产品部门，纳入优化计划', '已提交流程改进建议，相关部门确认整改'],
    declined: ['建议已记录，目前暂无调整计划'],
  },
  other: { fulfilled: ['已按客户要求处理完毕'], declined: ['超出服务范围，已向客户说明'] },
};

export const NOTES = {
  intake: ['客户来电反映问题，已记录诉求并复述确认', '倾听客户陈述，安抚情绪后复述记录，客户确认无误'],
  walkIn: ['客户到厅反映问题，已登记诉求并当面确认'],
  survey: ['外呼回访时客户提出投诉，已记录诉求并确认'],
  clarify: ['回电客户核实投诉内容，复述记录后客户确认无误'],
  verify: ['联系客户了解详细经过，并与相关部门核对', '与客户核对时间和金额，已调取相关记录核实'],
  propose: ['向客户说明处理方案及所需时间，客户表示接受', '客户对方案有异议，已说明公司规定并继续协商'],
  progress: ['告知客户处理进度，请客户耐心等待', '致歉让客户久等，告知预计完成时间'],
  inform: [
    '回访告知处理结果，客户表示满意',
    '告知处理结果，客户基本认可',
    '客户对部分结果不满意，已耐心解释',
  ],
  noAnswer: ['客户未接听，稍后再联系', '电话无人接听，已发短信告知'],
  callbackRequested: ['客户正在开会，约定明天下午再联系'],
  withdraw: ['客户来电表示不再需要处理，撤回投诉'],
  satisfaction: [
    '满意度回访：客户表示满意',
    '满意度回访：客户表示基本满意',
    '满意度回访：客户仍有抱怨，已记录',
  ],
};

export const REASONS = {
  transfer: [
    '涉及费用核查，需专家席协调相关部门',
    '客户多次来电，情绪激动，转专家席跟进',
    '需跨部门核实，转专家席处理',
  ],
  transferSerious: ['重大投诉，按规定转专家席跟进', '客户扬言向监管部门投诉，转专家席处理'],
  withdraw: [
    '客户来电表示问题已自行解决，撤回投诉',
    '客户表示已在营业厅协商解决，不再需要处理',
    '客户查明是家人办理的业务，撤回投诉',
  ],
};

/** Why a customer comes back after resolution, and what they now want. */
export const REOPENINGS: Array<{ reason: string; demand: [DemandType, string]; after?: DemandType }> = [
  {
    reason: '客户来电反映退款至今未到账',
    demand: ['refund', '退款一直没到账，要求尽快退到账'],
    after: 'refund',
  },
  { reason: '客户反映问题再次出现', demand: ['fix', '问题又出现了，要求彻底解决'] },
  { reason: '客户对处理结果不认可，要求重新核实', demand: ['explanation', '重新核实，给出书面答复'] },
];

export const LESSONS = [
  '已在班组晨会分享此案例。',
  '建议优化相关流程，避免同类投诉。',
  '已纳入本月典型案例，供全体坐席学习。',
  '已反馈责任部门整改，后续跟踪效果。',
];
