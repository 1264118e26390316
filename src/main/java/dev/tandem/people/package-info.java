/**
 * Organisations, users, roles, teams in a hierarchy of any depth, departments, and the one service
 * that answers who may see whose data ({@link dev.tandem.people.Visibility}). Also sign-in, API
 * tokens and the pages to manage all of it.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = "platform")
package dev.tandem.people;
