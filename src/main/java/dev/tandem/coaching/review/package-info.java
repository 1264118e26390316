/**
 * Reviews (functioneringsgesprek): templates with sections, review cycles over a period, the flow of self-assessment,
 * the manager's assessment, the conversation and the reviewee's acknowledgement, the CRM facts frozen at sign-off,
 * corrections as new versions, and the signed review as a PDF. Named so the demo organisation can tell its story.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.NamedInterface("review")
package dev.tandem.coaching.review;
