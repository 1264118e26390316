package dev.tandem.coaching.oneonone;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;

/** How a new 1:1 series meets: its cadence, weekday, time of day, length and first possible day. */
public record NewSeries(Cadence cadence, DayOfWeek weekday, LocalTime time, int minutes, LocalDate startsOn) {
}
