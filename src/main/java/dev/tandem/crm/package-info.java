/**
 * The CRM a sales team works in: accounts, contacts, deals with their buying group (DMU) moving
 * through the playbook's stages with full stage and field history, activities on every channel,
 * and leads with transparent routing. Publishes {@link dev.tandem.crm.ActivityLogged},
 * {@link dev.tandem.crm.DealCreated}, {@link dev.tandem.crm.DealStageChanged}, {@link dev.tandem.crm.DealWon},
 * {@link dev.tandem.crm.DealLost}, {@link dev.tandem.crm.LeadAssigned} and {@link dev.tandem.crm.LeadConverted}.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "people", "playbook" })
package dev.tandem.crm;
