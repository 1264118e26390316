/**
 * Help requests ("raise a hand") and the takeover ratio: the facade {@link dev.tandem.coaching.help.HelpRequestManagement},
 * {@link dev.tandem.coaching.help.TakeoverRatio}, their events, and {@link dev.tandem.coaching.help.HelpRequestLoad} for
 * the demo organisation, published as the named interface {@code help} of the coaching module.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.NamedInterface("help")
package dev.tandem.coaching.help;
