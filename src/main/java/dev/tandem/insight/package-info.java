/**
 * The read side: team and rep dashboards for any period with comparisons to the previous period and the
 * same period a year earlier, stage-by-stage funnels with the coaching focus they suggest, lead quality
 * by source and rep, trends with the sustained-under-performance signal, data hygiene, and the head of
 * sales' view of teams side by side. It reads other modules' data only through the views they publish
 * and the goals module's measurements, so every number has one definition (DESIGN.md section 5).
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "people", "playbook", "crm", "goals" })
package dev.tandem.insight;
