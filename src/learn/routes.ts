// Routes of the learn subpackage: the lecture library (科普大讲堂), the think-tank (智库) and the
// discount week (惠民活动周) with the resident's claimed offers.
export const learnRoutes = {
  lectures: '/learn/lectures/index',
  lecturesOfSpeaker: (expertId: string) => `/learn/lectures/index?speaker=${encodeURIComponent(expertId)}`,
  lecture: (id: string) => `/learn/lecture/index?id=${encodeURIComponent(id)}`,
  experts: '/learn/experts/index',
  expert: (id: string) => `/learn/expert/index?id=${encodeURIComponent(id)}`,
  offers: '/learn/offers/index',
  offersOfVenue: (venueId: string) => `/learn/offers/index?venue=${encodeURIComponent(venueId)}`,
  claims: '/learn/claims/index',
  /** 往届回顾: every published edition. */
  editions: '/learn/editions/index',
}
