/**
 * Forecasts that roll up the hierarchy and are measured for accuracy: reps submit commit and best-case figures
 * for a period from their deals' forecast categories, managers adjust them with a reason (the original stays)
 * and submit their team's figure upward, at any depth. Weekly snapshots keep what was said and what the open
 * pipeline was, so accuracy and bias show once a period is over; a statistical forecast from the organisation's
 * own history gives P10, P50 and P90 beside the human one; the pipeline change between two dates reconciles.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "people", "playbook", "crm", "goals" })
package dev.tandem.forecast;
