package kefu.channel.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import kefu.conversation.ConversationEngine;
import kefu.conversation.ConversationStore;
import kefu.conversation.ReplyTexts;
import kefu.handoff.BuyerMessenger;
import kefu.handoff.StaffDesk;
import kefu.handoff.StaffInbox;
import kefu.session.BuyerGate;
import kefu.spam.BlockList;
import kefu.session.RedisKeys;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Wires the Telegram channel. Nothing talks to Telegram until the {@code telegram} command starts the bot. The bot's
 * side (client, update workers, senders) is lazy: the short commands only put messages for Telegram buyers and
 * the staff group into the Redis send queue, which a serving instance drains.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TelegramProperties.class, OutboxProperties.class})
public class TelegramConfig {

    /** A sender that dies holding a chat hands it to another after this long. */
    static final long SENDER_LEASE_MS = 60_000;

    @Lazy
    @Bean
    TelegramClient telegramClient(TelegramProperties props) {
        return new OkHttpTelegramClient(telegramJson(), sendingHttpClient(), props.hasToken() ? props.token() : "",
                telegramUrl(props));
    }

    /**
     * The client sends through OkHttp's async dispatcher, which by default runs 5 calls per host and queues the
     * rest; a queued message would reach Telegram later than the rate limiter allowed it, bunching messages up.
     */
    static OkHttpClient sendingHttpClient() {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(256);
        dispatcher.setMaxRequestsPerHost(256);
        return new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES))
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30))
                .build();
    }

    @Bean
    StaffGroups staffGroups(TelegramProperties props, StringRedisTemplate redis, RedisKeys keys) {
        return new StaffGroups(props.staffGroups(), redis, keys);
    }

    @Bean
    SendRateLimiter sendRateLimiter(StringRedisTemplate redis, RedisKeys keys, TelegramProperties props,
                                    StaffGroups groups) {
        return new SendRateLimiter(redis, keys, props.limits(), groups.ownLimits());
    }

    @Bean
    BlockedChats blockedChats(StringRedisTemplate redis, RedisKeys keys, TelegramProperties props) {
        return new BlockedChats(redis, keys, props.blockedTtl());
    }

    @Lazy
    @Bean
    TelegramSender telegramSender(TelegramClient client, SendRateLimiter limiter, BlockedChats blocked,
                                  TelegramProperties props, ObjectProvider<MeterRegistry> meters) {
        return new TelegramSender(client, limiter, blocked, props.maxAttempts(),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    OutboundQueue outboundQueue(StringRedisTemplate redis, RedisKeys keys) {
        return new OutboundQueue(redis, keys, telegramJson(), SENDER_LEASE_MS);
    }

    @Bean
    SendQueueGauge sendQueueGauge(OutboundQueue queue, ObjectProvider<MeterRegistry> meters) {
        return new SendQueueGauge(queue, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    /** Files waiting in the send queue (relayed to staff, or from staff to a buyer). */
    @Bean
    FileCopies telegramFileCopies(TelegramProperties props) {
        return new FileCopies(props.downloadDir().resolve("outbox"));
    }

    @Bean
    TelegramOutbox telegramOutbox(OutboundQueue queue, OutboxProperties settings) {
        return new TelegramOutbox(queue, settings);
    }

    @Lazy
    @Bean(destroyMethod = "close")
    OutboundSenders outboundSenders(OutboundQueue queue, SendRateLimiter limiter, TelegramSender sender,
                                    TelegramOutbox outbox, OutboxProperties settings, TelegramProperties props) {
        return new OutboundSenders(queue, limiter, sender, outbox, settings, props.maxAttempts());
    }

    @Lazy
    @Bean
    FileFetcher telegramFileFetcher(TelegramClient client, TelegramProperties props) {
        OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(60)).build();
        String base = props.apiUrl().replaceAll("/+$", "") + "/file/bot" + props.token() + "/";
        return new FileFetcher(client, http, base, props.downloadDir(), props.maxFileBytes());
    }

    @Lazy
    @Bean
    BotIdentity botIdentity(TelegramClient client) {
        return new BotIdentity(client);
    }

    @Lazy
    @Bean
    StaffMembership staffMembership(TelegramClient client, StringRedisTemplate redis, RedisKeys keys,
                                    TelegramProperties props, StaffGroups groups) {
        return new StaffMembership(client, redis, keys, groups, props.extraStaffIds(), props.staffCacheTtl());
    }

    @Lazy
    @Bean
    BuyerUpdates buyerUpdates(ConversationEngine engine, ConversationStore store, TelegramSender sender,
                              TelegramOutbox outbox, FileFetcher telegramFileFetcher, BotIdentity identity,
                              BlockedChats blocked, ReplyTexts texts, BuyerGate gate, BlockList blockList) {
        return new BuyerUpdates(engine, store, sender, outbox, telegramFileFetcher, identity, blocked, texts, gate,
                blockList);
    }

    @Lazy
    @Bean
    StaffUpdates staffUpdates(ObjectProvider<StaffInbox> inbox, StaffMembership staff, TelegramSender sender,
                              FileFetcher telegramFileFetcher, BotIdentity identity) {
        return new StaffUpdates(inbox, staff, sender, telegramFileFetcher, identity);
    }

    @Lazy
    @Bean
    UpdateLanes updateLanes(StringRedisTemplate redis, RedisKeys keys, TelegramProperties props) {
        return new UpdateLanes(redis, keys, props.updateDedupeTtl(), props.laneLease());
    }

    @Lazy
    @Bean(destroyMethod = "close")
    UpdateDispatcher updateDispatcher(UpdateLanes lanes, BuyerUpdates buyers, StaffUpdates staff,
                                      TelegramProperties props, StaffGroups groups) {
        UpdateRoutes routes = new UpdateRoutes(groups.chats());
        return new UpdateDispatcher(lanes, telegramJson(), routes,
                u -> {
                    if (routes.fromStaffChat(u)) {
                        staff.handle(u);
                    } else {
                        buyers.handle(u);
                    }
                }, props.workers(), props.sweepInterval());
    }

    @Lazy
    @Bean(destroyMethod = "close")
    TelegramBot telegramBot(TelegramProperties props, TelegramClient client, UpdateDispatcher dispatcher,
                            OutboundSenders senders, BotIdentity identity, ReplyTexts texts, StaffMembership staff) {
        return new TelegramBot(props, client, telegramUrl(props), dispatcher, senders, identity, texts, telegramJson(),
                staff);
    }

    @Lazy
    @Bean
    TelegramShutdown telegramShutdown(TelegramBot bot) {
        return new TelegramShutdown(bot);
    }

    @Bean
    TelegramCommand telegramCommand(TelegramProperties props, ObjectProvider<TelegramBot> bot,
                                    ObjectProvider<TelegramShutdown> shutdown, ReplyTexts texts) {
        return new TelegramCommand(props, bot, shutdown, texts);
    }

    @Bean
    BuyerMessenger telegramBuyerMessenger(TelegramOutbox outbox, FileCopies copies) {
        return new TelegramBuyerMessenger(outbox, copies);
    }

    @Bean
    @ConditionalOnExpression("'${kefu.telegram.staff-chat-id:}' != '' or '${kefu.telegram.staff-groups[0].chat-id:}' != ''")
    StaffDesk telegramStaffDesk(TelegramClient client, TelegramOutbox outbox, StringRedisTemplate redis,
                                RedisKeys keys, StaffGroups groups, FileCopies copies) {
        return new TelegramStaffDesk(client, outbox, redis, keys, groups, copies);
    }

    static TelegramUrl telegramUrl(TelegramProperties props) {
        URI uri = props.apiUri();
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        return new TelegramUrl(uri.getScheme(), uri.getHost(), port, false);
    }

    /** Telegram's types, read leniently: the Bot API adds fields over time. */
    static ObjectMapper telegramJson() {
        return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }
}
