package kefu.shop.kept;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code kefu.shop.kept.*}: the records the bot keeps for shops without urges and tickets of their own.
 *
 * @param recordTtl        how long tickets, urge records and evidence files are kept
 * @param proofMemory      how long a proof that opened an order is remembered, for shops that show an order only
 *                         with it (Dujiao-Next)
 * @param proofFailuresPerHour          wrong proofs one chat user may give in an hour
 * @param proofFailuresPerOrderPerHour  wrong proofs for one order in an hour, whoever gives them
 * @param maxEvidenceBytes largest evidence file kept
 */
@ConfigurationProperties("kefu.shop.kept")
public record KeptProperties(@DefaultValue("90d") Duration recordTtl, @DefaultValue("24h") Duration proofMemory,
                             @DefaultValue("5") int proofFailuresPerHour, @DefaultValue("10") int proofFailuresPerOrderPerHour,
                             @DefaultValue("5242880") int maxEvidenceBytes) {
}
