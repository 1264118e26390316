/**
 * Mentors for newcomers (suggested from the team's strengths, chosen by the newcomer's line), ramp tracking against
 * earlier starters, and manager-readiness assessments with 360 input. The facades here are a named interface so the
 * demo organisation can tell its mentoring story through them.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.NamedInterface("mentoring")
package dev.tandem.coaching.mentoring;
