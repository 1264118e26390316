package dev.tandem.coaching.help;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of help requests.
 *
 * @param helpOverdueWorkingDays working days (Monday to Friday in the organisation's zone) a request may wait for its
 *        first answer before the manager sees it as overdue (1)
 */
@ConfigurationProperties("tandem.coaching")
public record HelpSettings(@DefaultValue("1") int helpOverdueWorkingDays) {
}
