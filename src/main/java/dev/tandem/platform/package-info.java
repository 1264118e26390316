/**
 * Shared kernel: identifiers, list envelopes, errors as problem details, the embedded database,
 * internationalisation and the web layout that every other module builds on.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.tandem.platform;
