// App manifest. The local sign-in page exists only in the h5 build (the local runtime); WeChat
// identifies users itself, so the weapp build never contains it. Free clinics (clinic/), the staff
// tools (staff/), the selections (selection/) and the lectures, experts and offers (learn/) and the organisers' content desk (organiser/) are subpackages; the clinic one is preloaded from 首页 and 我的.
const localOnlyPages = process.env.TARO_ENV === 'h5' ? ['pages-local/sign-in/index'] : []
// WeChat routes privacy APIs (chooseMedia) through wx.onNeedPrivacyAuthorization (selection PrivacyPrompt).
const privacyCheck = process.env.TARO_ENV === 'weapp' ? { __usePrivacyCheck__: true } : {}

export default defineAppConfig({
  ...privacyCheck,
  pages: [
    'pages/index/index',
    'pages/venues/index',
    'pages/venue/index',
    'pages/event/index',
    'pages/me/index',
    'pages/not-found/index',
    ...localOnlyPages,
  ],
  subPackages: [
    { root: 'clinic', pages: ['slots/index', 'slot/index', 'mine/index'] },
    { root: 'learn', pages: ['lectures/index', 'lecture/index', 'experts/index', 'expert/index', 'offers/index', 'claims/index', 'editions/index'] },
    { root: 'organiser', pages: ['home/index', 'edit/index', 'overview/index'] },
    { root: 'staff', pages: ['check-in/index', 'slot-edit/index', 'invites/index', 'redeem/index', 'signups/index'] },
    {
      root: 'selection',
      pages: [
        'gallery/index', 'work/index', 'submit/index', 'mine/index', 'ranking/index',
        'review/index', 'manage/index', 'watch/index', 'results/index', 'score/index',
      ],
    },
  ],
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['clinic'] },
    'pages/me/index': { network: 'all', packages: ['clinic'] },
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8102e',
    navigationBarTitleText: '妇幼健康公益文化节',
    navigationBarTextStyle: 'white',
    backgroundColor: '#fff7f0',
  },
  tabBar: {
    color: '#6b4f3f',
    selectedColor: '#c8102e',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/venues/index', text: '分会场', iconPath: 'assets/tab/venues.png', selectedIconPath: 'assets/tab/venues-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-active.png' },
    ],
  },
})
