/**
 * The deterministic demo organisation "Northwind Demo" that tells the story of the seeds, and the
 * small "Zuidwind Demo" that exists so tenant isolation can be seen. Created on first start when
 * the database is empty and {@code tandem.demo.enabled} is on.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "people", "playbook", "crm", "goals", "forecast", "insight", "coaching", "coaching::review", "coaching::help", "coaching::mentoring",
		"coaching::plan" })
package dev.tandem.demo;
