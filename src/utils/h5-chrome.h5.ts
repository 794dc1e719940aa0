// Browser (local runtime): the styles of the app's chrome that Taro's h5 runtime draws itself — its title
// bar and tab bar — sized as WeChat's are and readable at large text (labels at least 14 px).
import './h5-chrome.scss'
