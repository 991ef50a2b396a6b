"""Scheduled messages: morning reminders, weekly check-ins and phase-change notices, each
claimed once per runner, local day and kind, and sent politely.

Import from the modules (this package imports nothing itself). The scheduler owns *when*
things are sent; the words are ``bot.presentation.scheduled``'s, the time-zone maths
``bot.core.timing``'s, the Telegram edge ``bot.telegram.sender``'s. It depends on ``bot``;
inside ``bot`` only the composition root (``bot.app``) imports it, to start it.

* ``scheduler.fanout``: ``plan_due`` claims due reminders; ``backfill`` schedules runners;
* ``scheduler.checkin``: the Sunday-evening check-in (claims, and its week read);
* ``scheduler.phase_pass``: the daily pass that moves phases on and announces changes;
* ``scheduler.sender``: ``send_pending`` sends claims through ``scheduler.limiter``;
* ``scheduler.messages``: the claims composed into deliveries;
* ``scheduler.service``: the APScheduler job.
"""
