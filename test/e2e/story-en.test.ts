/** The whole story of a proposal, in English (see support/story.ts). */
import { storySuite } from './support/story.js';

storySuite({
  lang: 'en',
  tag: 'en',
  proposal: {
    title: 'Turn the corner by building 3 into a seating garden',
    description: 'The corner east of building 3 is full of junk and dark at night. Clear it, put in benches with backs and easy plants.',
    category: 'Seating', location: 'East of building 3, Chating East Garden', cost: '18000',
  },
  form: { title: 'Title', description: 'Details', location: 'Place', cost: 'Estimated cost (yuan)', submit: 'Submit the proposal' },
  supportRegion: 'Back this proposal',
  back: 'I back this',
  status: { open: 'Seeking backing', underReview: 'Under review', accepted: 'Accepted', inProgress: 'In progress', completed: 'Completed' },
  stepsNow: (s) => `now: ${s}`,
  toolsRegion: 'Committee and staff actions',
  behalf: {
    user: 'Resident’s user id', evidence: 'Evidence', submit: 'Record the backing',
    timeline: (n) => `Entered by staff for ${n}`, evidenceLine: (e) => `Evidence: ${e}`,
  },
  answer: {
    accept: 'Accept', cost: 'Estimated cost (yuan)', funding: ['Government funds', 'Donations'], start: 'Planned start', end: 'Planned end',
    submit: 'Publish the answer', note: 'Clear the junk first, then benches and flower beds.', shownCost: '¥18,000.00',
    noticeUntil: 'Notice period until', final: 'The notice period is over and the answer is final.',
  },
  objection: {
    reason: 'Why you object', submit: 'Send the objection', text: 'The benches are too close to the ground-floor windows of building 3.',
    waiting: 'Awaiting the committee’s response', respondLabel: (n) => `Your response to ${n}`, respond: 'Publish the response',
    response: 'The benches will stand at least 8 metres from the windows, and the lights go off at ten.',
  },
  start: { submit: 'Start the work' },
  milestone: {
    name: 'Milestone', date: 'Date', progress: 'Progress (%)', submit: 'Record it',
    first: 'Old junk cleared away', second: 'Benches and flower beds installed', percent: (n) => `${n}% done`,
  },
  photo: {
    kind: (k) => (k === 'before' ? 'Before' : 'After'), file: 'The photo', caption: 'Caption', submit: 'Upload the photo',
    captions: { before: 'The corner east of building 3, before clearing', after: 'The new seating garden east of building 3' },
  },
  complete: { outcome: 'Outcome', submit: 'Mark as completed', text: 'The corner is cleared; four benches with backs and two flower beds are in.' },
  timelineRegion: 'Public record',
  events: {
    created: 'made this proposal', backedOnBehalf: 'recorded a resident’s backing', threshold: '30 backers reached',
    answered: 'answered: Accepted', objected: 'objected', responded: 'responded to an objection', started: 'started the work',
    milestone: 'recorded progress', photo: 'added a photo', completed: 'completed the work',
  },
  comments: {
    field: 'Your comment', send: 'Post the comment', reply: 'Reply', replyField: (n) => `Your reply to ${n}`, sendReply: 'Post the reply',
    first: 'At last somewhere to sit. Thank you, committee!', second: 'Agreed. Buy flowers from me, add me on WeChat: abc123.',
  },
  report: { button: 'Report', reason: 'Why you report it', submit: 'Send the report', thanks: 'Thank you: a moderator', text: 'This reply is an advert.' },
  desk: {
    link: 'Committee desk', heading: 'Committee desk', awaiting: 'Awaiting an answer', reports: 'Reports to handle', hide: 'Hide it',
    reason: 'Reason for the decision', submit: 'Send the decision', hideReason: 'Advertising with contact details',
  },
  hiddenNotice: (r) => `Hidden by a moderator: ${r}`,
});
