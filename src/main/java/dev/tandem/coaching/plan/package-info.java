/**
 * Coaching plans (one focus for one rep, measured before and after) and growth plans (about 180 days of goals,
 * milestones, support and check-ins). Published as the {@code plan} interface of the coaching module, so the demo
 * organisation can tell its story with them.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.NamedInterface("plan")
package dev.tandem.coaching.plan;
