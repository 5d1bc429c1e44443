import { isRequestOverdue, processingDays, requestDueOn, resumeRequestClock } from './request-sla';

describe('request processing target', () => {
  it('is due target days after submission, across months', () => {
    expect(requestDueOn('2027-01-25', 10)).toBe('2027-02-04');
  });

  it('moves the due date by the days spent waiting for the resident', () => {
    expect(resumeRequestClock('2027-02-04', '2027-01-28', '2027-02-02')).toEqual({
      dueOn: '2027-02-09',
      pausedDays: 5,
    });
  });

  it('counts no pause when the resident answers the same day', () => {
    expect(resumeRequestClock('2027-02-04', '2027-01-28', '2027-01-28').pausedDays).toBe(0);
  });

  it('is overdue only while the city works on it and after the due date', () => {
    expect(isRequestOverdue('in_review', '2027-01-13', '2027-01-14')).toBe(true);
    expect(isRequestOverdue('submitted', '2027-01-14', '2027-01-14')).toBe(false);
    expect(isRequestOverdue('waiting_resident', '2027-01-01', '2027-01-14')).toBe(false);
    expect(isRequestOverdue('approved', '2027-01-01', '2027-01-14')).toBe(false);
    expect(isRequestOverdue('draft', null, '2027-01-14')).toBe(false);
  });

  it('does not count the pause in the processing time', () => {
    expect(processingDays('2027-01-04', '2027-01-20', 6)).toBe(10);
  });
});
