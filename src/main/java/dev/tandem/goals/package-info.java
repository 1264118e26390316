/**
 * Goals and quotas for people and teams per fiscal month, quarter and year, agreed rather than imposed:
 * the owner of a goal proposes, their manager accepts or counter-proposes (or sets it directly, marked as
 * such), and every step stays visible. Also the measurements behind every goal's progress, read from the
 * views the CRM and people modules publish, with the metric definitions of DESIGN.md section 5.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "people", "playbook", "crm" })
package dev.tandem.goals;
