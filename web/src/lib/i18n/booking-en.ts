/** English messages of an activity's booking box. `satisfies` refuses a missing or an extra key. */
import type { BookingMessages } from './booking-zh.js';

export const bookingEn = {
  'activity.bookingTitle': 'Your booking',
  'activity.yourPrioritySeat': 'You have a priority seat.',
  'activity.youCancelled': 'Your booking is cancelled.',
  'activity.enteredBy': 'Booked for you by {name} (evidence: {evidence})',
  'activity.signInToBook': 'Sign in to book',
  'activity.leaveWaitlist': 'Leave the waitlist',
  'activity.cancelBooking': 'Cancel my booking',
  'activity.seats': 'How many seats (at most {max})',
  'activity.book': 'Book a seat',
  'activity.joinWaitlist': 'Full: join the waitlist',
  'activity.noHousehold': 'Only residents of a registered household can book. Community staff can help.',
  'activity.alreadyBooked': 'You have already booked this activity.',
  'activity.bookingClosed': 'Booking is not open right now.',
  'activity.isCancelled': 'This activity has been cancelled.',
} as const satisfies BookingMessages;
