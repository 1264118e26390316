/**
 * Coaching instead of controlling: 1:1 series with shared agendas, the rep's numbers attached and rep-owned actions;
 * help requests ("raise a hand") answered by the rep's line and the takeover ratio that tells a manager whether they
 * coach or take deals over; coaching plans measured before and after; reviews from templates with scores, coaching
 * topics and a PDF; 180-day growth plans; mentors for newcomers with their ramp; manager-readiness assessments with
 * 360 input. Everything here is private by default (DESIGN.md section 4): the person, their line of managers and
 * admins, asked through {@link dev.tandem.people.Visibility}.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "people", "playbook", "crm", "goals", "insight",
		"forecast" })
package dev.tandem.coaching;
