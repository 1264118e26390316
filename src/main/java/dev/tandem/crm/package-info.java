/**
 * The CRM a sales team works in: accounts, contacts, deals with their buying group (DMU) moving
 * through the playbook's stages with full stage and field history, activities on every channel,
 * and leads with transparent routing; what is deleted waits in the recycle bin until it is restored or purged.
 * Publishes {@link dev.tandem.crm.ActivityLogged}, {@link dev.tandem.crm.DealCreated},
 * {@link dev.tandem.crm.DealStageChanged}, {@link dev.tandem.crm.DealWon}, {@link dev.tandem.crm.DealLost},
 * {@link dev.tandem.crm.LeadAssigned}, {@link dev.tandem.crm.LeadConverted}, {@link dev.tandem.crm.RecordDeleted} and
 * {@link dev.tandem.crm.RecordRestored}.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "people", "playbook" })
package dev.tandem.crm;
