// Demo data: the 2022 edition of the festival (中国(重庆)2022妇幼健康公益文化节), its sub-venues and
// their programmes, seeded into the local runtime so the app has something real to show.
// Sources: the newspaper features in shared/seeds/ (001 巴南, 000 永川, 003 涪陵, 002 万州 and the
// festival itself). Only the 巴南 sub-venue and its 25 June programme are reported as such in the
// articles; the 永川, 涪陵 and 万州 sub-venues are demo arrangements built from what the articles say
// those hospitals do, and every clock time other than 巴南's 09:00 opening is demo scheduling.
// This is data, not product logic: the app must work for any year's festival.

import type { Festival, Venue, FestivalEvent } from '../../src/contract/model'

const FESTIVAL_ID = 'cq-2022'

export const festivals: Festival[] = [
  {
    _id: FESTIVAL_ID,
    name: '中国(重庆)2022妇幼健康公益文化节',
    slogan: '爱佑新生，心系妇幼',
    year: 2022,
    city: '重庆',
    startDate: '2022-04-29',
    endDate: '2022-12-31',
    intro:
      '「爱佑新生，心系妇幼——中国(重庆)2022妇幼健康公益文化节」于2022年4月29日启动，' +
      '先后组建「妇幼健康智库」、录制「妇幼健康科普大讲堂」，开展「1分钟说孕产健康」短视频暨「幸福亲子照」有奖征集点赞活动，' +
      '并在各区县妇幼保健院设立分会场，持续开展关爱妇幼健康线下便民惠民义诊，把妇幼健康福利送到群众家门口。' +
      '12月，文化节闭幕峰会将为100个妇幼健康高质量发展典型案例命名授牌。',
    guides: ['重庆市卫生健康委员会', '重庆市药品监督管理局', '重庆日报'],
    hosts: ['重庆日报传媒', '重庆市妇幼保健协会', '重庆市妇幼保健院'],
    coOrganisers: ['上游新闻健康频道', '重庆电视台《喜闻乐见》'],
    strands: [
      {
        key: 'clinic',
        title: '线下便民惠民义诊',
        summary:
          '各分会场妇幼保健院的专家走进广场、社区和学校，提供两癌筛查、孕产保健咨询、儿童保健等免费服务，在线报名后到场出示签到码即可。',
        live: true,
      },
      {
        key: 'photo',
        title: '「幸福亲子照」征集',
        summary: '晒出一家人的幸福亲子照，参加有奖征集，邀请亲友点赞。',
        live: true,
      },
      {
        key: 'video',
        title: '「1分钟说孕产健康」短视频征集',
        summary: '用1分钟短视频讲一讲孕产健康知识，参加有奖征集，邀请亲友点赞。',
        live: true,
      },
      {
        key: 'cases',
        title: '妇幼健康高质量发展典型案例',
        summary:
          '面向全市妇幼保健院、医疗机构和妇幼用品企业征集典型案例，经自主申报、实地考察、网络投票、专家审读和结果公示，' +
          '在12月闭幕峰会上为100个典型案例命名授牌。坚持公开、公平、公正。',
        live: true,
      },
      {
        key: 'lectures',
        title: '妇幼健康科普大讲堂',
        summary: '邀请妇幼健康专家录制科普课程，讲解孕产、儿童和妇女保健知识。',
        live: false,
      },
      {
        key: 'thinktank',
        title: '妇幼健康智库',
        summary: '组建妇幼健康领域的专家智库，汇聚专家力量助力妇幼健康事业高质量发展。',
        live: false,
      },
    ],
    published: true,
  },
]

export const venues: Venue[] = [
  {
    _id: 'banan',
    festivalId: FESTIVAL_ID,
    name: '巴南分会场',
    host: '巴南区妇幼保健院',
    organisers: ['巴南区卫生健康委员会', '巴南区妇幼保健院', '重庆日报传媒有限公司'],
    district: '巴南区',
    place: '巴南区人民广场',
    // Street-level address and coordinates are approximate (鱼洞街道, the district seat); the
    // articles name only 巴南区人民广场. Coordinates are GCJ-02 as WeChat maps expect.
    address: '重庆市巴南区鱼洞街道 巴南区人民广场',
    latitude: 29.389,
    longitude: 106.527,
    theme: '关注全孕周期，关爱妇幼健康',
    startDate: '2022-06-25',
    endDate: '2022-12-31',
    intro:
      '巴南区妇幼保健院始建于1953年，是集预防、保健、医疗、教学、科研为一体的国家二级甲等妇幼保健院。' +
      '6月25日，文化节巴南分会场暨巴南基本公共卫生宣传文化周在巴南区人民广场开幕，巴南区接过首棒，' +
      '启动仪式、文化公约发布、爱心捐赠、义诊、科普进社区、妇幼文化成就展、便民惠民活动周等系列活动陆续开展，持续到12月。',
    order: 1,
  },
  {
    _id: 'yongchuan',
    festivalId: FESTIVAL_ID,
    name: '永川分会场',
    host: '永川区妇幼保健院',
    organisers: ['永川区卫生健康委员会', '永川区妇幼保健院'],
    district: '永川区',
    place: '永川区妇幼保健院新院区',
    // Street address not given in the articles.
    address: '重庆市永川区 永川区妇幼保健院（新院区）',
    theme: '以大爱关怀妇幼，以品质守护健康',
    startDate: '2022-07-09',
    endDate: '2022-12-10',
    intro:
      '永川区妇幼保健院新院区于2021年4月正式搬迁，2022年6月被授予「三级甲等」妇幼保健院。' +
      '医院是重庆市首家实现婚姻登记处到妇幼保健院办公的医院，婚检、婚姻登记「一站式」服务；健康教育学校面向全社会开设妇幼健康公开课。' +
      '分会场活动围绕全生命周期健康服务，送上义诊、公开课和育儿指导。',
    order: 2,
  },
  {
    _id: 'fuling',
    festivalId: FESTIVAL_ID,
    name: '涪陵分会场',
    host: '涪陵区妇幼保健院',
    organisers: ['涪陵区卫生健康委员会', '涪陵区妇幼保健院'],
    district: '涪陵区',
    place: '涪陵区妇幼保健院',
    // Street address not given in the articles.
    address: '重庆市涪陵区 涪陵区妇幼保健院',
    // No theme: the articles give none for 涪陵.
    startDate: '2022-08-20',
    endDate: '2022-12-15',
    intro:
      '涪陵区妇幼保健院已获批三级乙等妇幼保健院，「一院两区」双轮驱动，孕产期保健、住院分娩、儿童保健等服务量连续10年在辖区及周边区县位居首位。' +
      '医院抓好「两癌」筛查、孕优、婚检、「艾梅乙」、出生缺陷防治、儿童营养监测等民生实事，分会场以「两癌」义诊宣传为重点。',
    order: 3,
  },
  {
    _id: 'wanzhou',
    festivalId: FESTIVAL_ID,
    name: '万州分会场',
    host: '万州区妇幼保健院',
    organisers: ['万州区卫生健康委员会', '万州区妇幼保健院'],
    district: '万州区',
    place: '万州区妇幼保健院',
    // Street address not given in the articles.
    address: '重庆市万州区 万州区妇幼保健院',
    theme: '医校共建，健康相随',
    startDate: '2022-10-15',
    endDate: '2022-12-20',
    intro:
      '万州区妇幼保健院以晋升「三甲」妇幼保健院为契机，践行公立医院公益性。' +
      '医院门诊部、乳甲科、内科、超声科10余名专家走进万州区上海中学教育集团长岭学校，为教职员工免费测血压、血糖，做甲状腺、乳腺体检及彩超检查，' +
      '并建立健康档案、跟踪随访，做到无病早防、有病早治。',
    order: 4,
  },
]

const BANAN_SQUARE = '巴南区人民广场'
const BANAN_HOSPITAL = '巴南区妇幼保健院'

export const events: FestivalEvent[] = [
  // ---- 巴南分会场 (seed 001): the 25 June opening morning, then activities to December ----
  {
    _id: 'banan-opening',
    festivalId: FESTIVAL_ID,
    venueId: 'banan',
    title: '巴南分会场开幕式暨授旗仪式',
    kind: 'ceremony',
    startAt: '2022-06-25T09:00:00+08:00',
    endAt: '2022-06-25T09:30:00+08:00',
    place: BANAN_SQUARE,
    description:
      '巴南区妇幼保健院医护人员表演舞蹈《用爱守护妇幼健康》，鱼洞少年宫幼儿园的小朋友带来舞蹈《笠娃娃》。' +
      '随后举行授旗仪式，文化节巴南分会场暨巴南基本公共卫生宣传文化周正式开幕。',
  },
  {
    _id: 'banan-charter-reading',
    festivalId: FESTIVAL_ID,
    venueId: 'banan',
    title: '宣读《巴南妇幼健康服务文化公约》',
    kind: 'reading',
    startAt: '2022-06-25T09:30:00+08:00',
    endAt: '2022-06-25T10:00:00+08:00',
    place: BANAN_SQUARE,
    description: '现场发布并宣读《巴南妇幼健康服务文化公约》，传播妇幼健康文化，凝聚妇幼健康行业向心力。',
  },
  {
    _id: 'banan-donation',
    festivalId: FESTIVAL_ID,
    venueId: 'banan',
    title: '「助力乡村振兴，关爱留守儿童」爱心捐赠',
    kind: 'donation',
    startAt: '2022-06-25T10:00:00+08:00',
    endAt: '2022-06-25T10:30:00+08:00',
    place: BANAN_SQUARE,
    description: '开展「助力乡村振兴，关爱留守儿童」爱心捐赠活动，产妇代表现场致感谢信。',
  },
  {
    _id: 'banan-clinic',
    festivalId: FESTIVAL_ID,
    venueId: 'banan',
    title: '广场便民义诊',
    kind: 'clinic',
    startAt: '2022-06-25T10:30:00+08:00',
    endAt: '2022-06-25T12:00:00+08:00',
    place: BANAN_SQUARE,
    description:
      '巴南区妇幼保健院妇科、产科、儿科等专家在广场现场义诊，提供两癌筛查、孕产保健咨询、儿童保健等服务，' +
      '引导妇女儿童养成健康的生活方式。',
    services: [
      '两癌筛查',
      '孕产保健咨询',
      '儿童保健（生长发育、视力、听力、口腔、心理发育）',
      '血压血糖',
      '更年期保健',
      '心理咨询',
    ],
  },
  {
    _id: 'banan-exhibition',
    festivalId: FESTIVAL_ID,
    venueId: 'banan',
    title: '巴南区妇幼文化成就展',
    kind: 'exhibition',
    startAt: '2022-06-25T11:00:00+08:00',
    endAt: '2022-06-25T17:00:00+08:00',
    place: BANAN_SQUARE,
    description: '全面展示巴南区妇幼健康事业发展成就，传播妇幼健康文化与优生优育知识。',
  },
  {
    _id: 'banan-discount-week',
    festivalId: FESTIVAL_ID,
    venueId: 'banan',
    title: '巴南妇幼便民惠民活动周',
    kind: 'promotion',
    startAt: '2022-06-25T00:00:00+08:00',
    endAt: '2022-07-02T23:59:59+08:00',
    place: BANAN_HOSPITAL,
    description: '基本公共卫生宣传文化周期间，巴南区妇幼保健院推出系列针对妇女儿童的优惠活动，时间为6月25日至7月2日。',
  },
  {
    _id: 'banan-expert-exchange',
    festivalId: FESTIVAL_ID,
    venueId: 'banan',
    title: '「关注全孕周期，关爱妇幼健康」专家交流分享',
    kind: 'exchange',
    startAt: '2022-07-15T14:30:00+08:00',
    endAt: '2022-07-15T17:00:00+08:00',
    place: BANAN_HOSPITAL,
    description: '妇幼专家围绕「关注全孕周期，关爱妇幼健康」主题展开交流分享，推动妇幼健康服务多元化发展。',
  },
  {
    _id: 'banan-community-talk-1',
    festivalId: FESTIVAL_ID,
    venueId: 'banan',
    title: '「走进社区，温暖妇幼」公益科普讲座（安澜镇）',
    kind: 'lecture',
    startAt: '2022-07-23T09:30:00+08:00',
    endAt: '2022-07-23T11:00:00+08:00',
    place: '巴南区安澜镇卫生院',
    description: '妇幼专家走进基层开展公益科普讲座，讲解孕期保健与优生优育知识，让群众做好自我健康「守护者」。',
  },
  {
    _id: 'banan-community-talk-2',
    festivalId: FESTIVAL_ID,
    venueId: 'banan',
    title: '「走进社区，温暖妇幼」公益科普讲座（二圣镇）',
    kind: 'lecture',
    startAt: '2022-09-17T09:30:00+08:00',
    endAt: '2022-09-17T11:00:00+08:00',
    place: '巴南区二圣镇卫生院',
    description: '围绕0-6岁儿童健康管理和儿童眼保健开展公益科普讲座，现场解答家长的育儿问题。',
  },
  {
    _id: 'banan-community-talk-3',
    festivalId: FESTIVAL_ID,
    venueId: 'banan',
    title: '「走进社区，温暖妇幼」公益科普讲座（丰盛镇）',
    kind: 'lecture',
    startAt: '2022-11-12T09:30:00+08:00',
    endAt: '2022-11-12T11:00:00+08:00',
    place: '巴南区丰盛镇卫生院',
    description: '讲解妇女「两癌」免费检查和更年期保健知识，建立妇幼健康科普宣传长效机制。',
  },

  // ---- 永川分会场 (seed 000) ----
  {
    _id: 'yongchuan-opening',
    festivalId: FESTIVAL_ID,
    venueId: 'yongchuan',
    title: '永川分会场启动仪式',
    kind: 'ceremony',
    startAt: '2022-07-09T09:00:00+08:00',
    endAt: '2022-07-09T09:30:00+08:00',
    place: '永川区妇幼保健院新院区',
    description: '永川分会场在2021年投用的新院区启动，介绍医院「以大爱关怀妇幼，以品质守护健康」的服务宗旨和全生命周期健康服务。',
  },
  {
    _id: 'yongchuan-clinic',
    festivalId: FESTIVAL_ID,
    venueId: 'yongchuan',
    title: '婚育便民义诊',
    kind: 'clinic',
    startAt: '2022-07-09T09:30:00+08:00',
    endAt: '2022-07-09T12:00:00+08:00',
    place: '永川区妇幼保健院新院区',
    description:
      '孕产保健部、儿童保健部、妇女保健部专家联合义诊，提供免费婚检、优生优育和孕产保健咨询指导等婚育便民服务，' +
      '同时开展儿童保健和妇女「两癌」检查咨询。',
    services: [
      '婚检/孕前优生',
      '孕产保健咨询',
      '儿童保健（生长发育、视力、听力、口腔、心理发育）',
      '两癌筛查',
    ],
  },
  {
    _id: 'yongchuan-open-class',
    festivalId: FESTIVAL_ID,
    venueId: 'yongchuan',
    title: '健康教育学校·妇幼健康公开课',
    kind: 'lecture',
    startAt: '2022-08-13T14:30:00+08:00',
    endAt: '2022-08-13T16:00:00+08:00',
    place: '永川区妇幼保健院健康教育学校',
    description: '医院健康教育学校面向全社会开设妇幼健康公开课，讲解孕产保健、儿童保健等妇幼健康知识。',
  },
  {
    _id: 'yongchuan-childcare-talk',
    festivalId: FESTIVAL_ID,
    venueId: 'yongchuan',
    title: '0-3岁婴幼儿科学照护讲座',
    kind: 'lecture',
    startAt: '2022-09-24T10:00:00+08:00',
    endAt: '2022-09-24T11:30:00+08:00',
    place: '永川区妇幼保健院托育中心',
    description:
      '0-3岁是幼儿发育的关键时期。儿童保健部专家结合托育中心「医疗保健+婴幼儿教育」的理念，讲解不同年龄段孩子的科学照护与认知训练。',
  },
  {
    _id: 'yongchuan-expert-exchange',
    festivalId: FESTIVAL_ID,
    venueId: 'yongchuan',
    title: '孕产保健专科经验交流',
    kind: 'exchange',
    startAt: '2022-10-22T14:00:00+08:00',
    endAt: '2022-10-22T17:00:00+08:00',
    place: '永川区妇幼保健院新院区',
    description: '孕产保健部分享早产专病门诊、宫颈环扎术和臀位外倒转术等做法，与区县同行交流如何降低剖宫产率、保障母婴安全。',
  },

  // ---- 涪陵分会场 (seed 003) ----
  {
    _id: 'fuling-opening',
    festivalId: FESTIVAL_ID,
    venueId: 'fuling',
    title: '涪陵分会场启动仪式',
    kind: 'ceremony',
    startAt: '2022-08-20T09:00:00+08:00',
    endAt: '2022-08-20T09:30:00+08:00',
    place: '涪陵区妇幼保健院',
    description: '涪陵分会场启动，介绍医院以保障母婴安全为核心、为辖区妇女儿童提供全方位诊疗和保健服务的做法。',
  },
  {
    _id: 'fuling-clinic',
    festivalId: FESTIVAL_ID,
    venueId: 'fuling',
    title: '「两癌」义诊宣传',
    kind: 'clinic',
    startAt: '2022-08-20T09:30:00+08:00',
    endAt: '2022-08-20T12:00:00+08:00',
    place: '涪陵区妇幼保健院',
    description: '开展妇女「两癌」筛查义诊和宣传，同时提供孕优、婚检咨询和儿童保健服务，把民生实事送到群众身边。',
    services: [
      '两癌筛查',
      '婚检/孕前优生',
      '孕产保健咨询',
      '儿童保健（生长发育、视力、听力、口腔、心理发育）',
    ],
  },
  {
    _id: 'fuling-two-cancers-talk',
    festivalId: FESTIVAL_ID,
    venueId: 'fuling',
    title: '「两癌」早筛早治科普讲座',
    kind: 'lecture',
    startAt: '2022-09-24T14:30:00+08:00',
    endAt: '2022-09-24T16:00:00+08:00',
    place: '涪陵区妇幼保健院',
    description: '妇女保健专家讲解宫颈癌、乳腺癌筛查的意义和方法，提醒适龄妇女定期检查。',
  },
  {
    _id: 'fuling-nutrition-talk',
    festivalId: FESTIVAL_ID,
    venueId: 'fuling',
    title: '儿童营养与生长发育科普讲座',
    kind: 'lecture',
    startAt: '2022-10-29T10:00:00+08:00',
    endAt: '2022-10-29T11:30:00+08:00',
    place: '涪陵区妇幼保健院',
    description: '结合医院儿童营养监测工作，讲解儿童合理膳食和生长发育监测知识，解答家长疑问。',
  },

  // ---- 万州分会场 (seed 002, 「医校共建 健康相随」) ----
  {
    _id: 'wanzhou-opening',
    festivalId: FESTIVAL_ID,
    venueId: 'wanzhou',
    title: '万州分会场启动仪式',
    kind: 'ceremony',
    startAt: '2022-10-15T09:00:00+08:00',
    endAt: '2022-10-15T09:30:00+08:00',
    place: '万州区妇幼保健院',
    description: '万州分会场启动，医院以晋升「三甲」妇幼保健院为契机，进一步承担社会责任，为市民提供更加优质、高效的医疗保健服务。',
  },
  {
    _id: 'wanzhou-school-clinic',
    festivalId: FESTIVAL_ID,
    venueId: 'wanzhou',
    title: '「医校共建 健康相随」校园义诊',
    kind: 'clinic',
    startAt: '2022-10-21T14:30:00+08:00',
    endAt: '2022-10-21T17:30:00+08:00',
    place: '万州区上海中学教育集团长岭学校',
    description:
      '医院门诊部、乳甲科、内科、超声科10余名专家走进长岭学校，为教职员工免费测血压、血糖，做甲状腺、乳腺体检及彩超检查，' +
      '并建立健康档案、跟踪随访。',
    services: ['血压血糖', '甲状腺/乳腺彩超', '健康咨询'],
  },
  {
    _id: 'wanzhou-clinic',
    festivalId: FESTIVAL_ID,
    venueId: 'wanzhou',
    title: '妇幼健康便民义诊',
    kind: 'clinic',
    startAt: '2022-11-12T09:00:00+08:00',
    endAt: '2022-11-12T12:00:00+08:00',
    place: '万州区妇幼保健院',
    description: '面向辖区妇女儿童开展便民义诊，提供两癌筛查、孕产保健咨询、儿童保健和血压血糖检测。',
    services: [
      '两癌筛查',
      '孕产保健咨询',
      '儿童保健（生长发育、视力、听力、口腔、心理发育）',
      '血压血糖',
    ],
  },
  {
    _id: 'wanzhou-thyroid-breast-talk',
    festivalId: FESTIVAL_ID,
    venueId: 'wanzhou',
    title: '甲状腺与乳腺健康科普讲座',
    kind: 'lecture',
    startAt: '2022-11-26T14:30:00+08:00',
    endAt: '2022-11-26T16:00:00+08:00',
    place: '万州区妇幼保健院',
    description: '乳甲科专家讲解甲状腺、乳腺疾病的早期发现与定期复查，倡导无病早防、有病早治。',
  },
]
