package kefu.console.overview;

import java.time.LocalDate;
import java.util.List;

/**
 * The overview's figures for a range of days ending today.
 *
 * @param conversations  conversations: one per buyer per day they wrote
 * @param resolved       conversations that ended with the bot's answer, no person involved, last question answered
 * @param medianWait     median seconds from the handover to a person joining, or -1 when nobody joined
 * @param medianFirstReply median seconds from the handover to the first staff reply, or -1
 * @param ratings        how many ratings gave 1..5 (index 0 is a 1)
 */
public record Overview(int days, LocalDate from, LocalDate to, long conversations, long turns, long resolved,
                       long fallbacks, long notSure, long handovers, long staffJoined, long staffReplies,
                       long medianWait, long medianFirstReply, long[] ratings, long ratingSum,
                       long ordersLookedUp, long ordersUrged, long ticketsFiled,
                       List<Ranked> topIntents, List<Ranked> topArticles, List<Ranked> topUnanswered,
                       List<Day> daily) {

    /** A name with its count, most first. */
    public record Ranked(String name, long count) { }

    /** One day's main figures, for the charts. */
    public record Day(LocalDate date, long conversations, long resolved, long handovers, long unanswered, long turns) { }

    /** Automated resolution rate in percent (0 when there were no conversations). */
    public double resolutionRate() {
        return percent(resolved, conversations);
    }

    /** Turns the bot could not answer (fallbacks and "not sure"), in percent of all turns. */
    public double fallbackRate() {
        return percent(fallbacks + notSure, turns);
    }

    /** Conversations handed to a person, in percent. */
    public double handoffRate() {
        return percent(handovers, conversations);
    }

    public long ratingCount() {
        long n = 0;
        for (long r : ratings) {
            n += r;
        }
        return n;
    }

    /** Customer satisfaction: average rating 1-5, 0 when nobody rated. */
    public double averageRating() {
        long n = ratingCount();
        return n == 0 ? 0 : Math.round(ratingSum * 100.0 / n) / 100.0;
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 1000.0 / whole) / 10.0;
    }
}
