package kefu.console.overview;

import kefu.session.RedisKeys;

import java.time.LocalDate;

/** The Redis keys of one day's counters; every key carries the day so a day expires as a whole. */
record DailyKeys(RedisKeys keys) {

    String counts(LocalDate day) {
        return of(day, "counts");
    }

    /** Conversation (buyer pseudonym) → how it stands: {@code a} answered, {@code u} left unanswered, {@code o} no question yet. */
    String conversations(LocalDate day) {
        return of(day, "conversations");
    }

    /** Conversations a person took part in (handed over), whatever happened after. */
    String handed(LocalDate day) {
        return of(day, "handed");
    }

    String intents(LocalDate day) {
        return of(day, "intents");
    }

    String articles(LocalDate day) {
        return of(day, "articles");
    }

    String unanswered(LocalDate day) {
        return of(day, "unanswered");
    }

    /** Seconds from the handover to a person joining, one entry per join. */
    String waits(LocalDate day) {
        return of(day, "waits");
    }

    /** Seconds from the handover to the first staff reply. */
    String firstReplies(LocalDate day) {
        return of(day, "first-replies");
    }

    private String of(LocalDate day, String what) {
        return keys.named("console", "day:" + day + ":" + what);
    }
}
