// WeChat draws its own title bar and tab bar: nothing to style here.
export {}
