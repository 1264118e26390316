/**
 * The sales playbook: pipelines and their stages, and per stage what a deal needs before it may
 * enter (required activities, exit criteria, buying-group coverage), the guidance for reps, and
 * whether the gate warns or blocks. Also the deal-review cadence.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "people" })
package dev.tandem.playbook;
