/** Thrown when a query reaches one of its `SearchLimits`; the planner's answer for it is unknown, not "no route". */
export class SearchLimitReached extends Error {
  constructor(readonly limit: 'labels' | 'time') {
    super(limit === 'labels' ? 'the route search reached its limit of partial routes' : 'the route search ran out of time');
    this.name = 'SearchLimitReached';
  }
}
