"""Scheduled messages: morning reminders, weekly check-ins and phase-change notices, each
claimed once per runner, local day and kind, and sent politely.

Import from the modules (this package imports nothing, so ``scheduler.fanout`` stays
light for the service layer):

* ``bot.core.timing``: next local occurrences, DST-aware (pure);
* ``scheduler.fanout``: ``plan_due`` claims due reminders; ``reschedule`` after a change;
* ``scheduler.checkin``: the Sunday-evening check-in (claims and words);
* ``scheduler.phase_pass``: the daily pass that moves phases on and announces changes;
* ``scheduler.sender``: ``send_pending`` sends claims through ``scheduler.limiter``;
* ``scheduler.messages``: the reminder's words and buttons;
* ``bot.telegram.sender``: the PTB edge; ``scheduler.service``: the APScheduler job.
"""
