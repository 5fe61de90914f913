package kefu.nlu;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code kefu.nlu.*}: the shape of the shop's order numbers (a regular expression; empty: the shape of the
 * configured shop kind's numbers) and how sure the recogniser must be.
 *
 * @param minConfidence          below this similarity to every example a message is a fallback
 * @param embeddingCache         file of cached vectors of known texts; empty keeps them in memory only
 * @param orderActionConfidence  a message with an order number is an order lookup unless it is at least
 *                               this close to an urge, after-sales, cancel or human example
 */
@Validated
@ConfigurationProperties("kefu.nlu")
public record NluProperties(@DefaultValue("") String orderNumberPattern,
                            @DefaultValue("0.56") @DecimalMin("0") @DecimalMax("1") double minConfidence,
                            @DefaultValue("0.70") @DecimalMin("0") @DecimalMax("1") double orderActionConfidence,
                            @DefaultValue("data/embeddings/bge-small-zh-v15-q.bin") String embeddingCache) {
}
