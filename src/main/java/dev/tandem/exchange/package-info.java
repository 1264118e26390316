/**
 * Bringing data in and taking it out: imports of the team roster, accounts, contacts, deals with their
 * history, activities and leads from CSV and XLSX files (with presets for Salesforce, HubSpot and
 * Pipedrive exports, saved column and value mappings, a dry run that reports every failing row, an
 * all-or-nothing run with progress, undo and history), and the full organisation export as a ZIP of
 * CSV files (with the playbook, goals and the forecast history too) that Tandem imports again without loss.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "people", "playbook", "crm", "goals", "forecast" })
package dev.tandem.exchange;
