package kefu.handoff;

import com.fasterxml.jackson.databind.ObjectMapper;
import kefu.app.AppProperties;
import kefu.conversation.ConversationStore;
import kefu.conversation.FlowHandler;
import kefu.conversation.Keywords;
import kefu.conversation.events.ConversationEvents;
import kefu.conversation.ReplyTexts;
import kefu.session.BanList;
import kefu.session.RedisKeys;
import kefu.session.SessionProperties;
import kefu.shop.ShopGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Clock;

/** Wires the staff takeover: escalation, relay, staff actions, queue sweeper, ratings and transcripts. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HandoffProperties.class)
public class HandoffConfig {

    @Bean
    StaffDesks staffDesks(ObjectProvider<StaffDesk> channelDesks) {
        return new StaffDesks(channelDesks.orderedStream().toList());
    }

    @Bean
    BuyerMessengers buyerMessengers(ObjectProvider<BuyerMessenger> messengers) {
        return new BuyerMessengers(messengers.orderedStream().toList());
    }

    @Bean
    StaffTexts staffTexts(ReplyTexts texts) {
        return new StaffTexts(texts);
    }

    @Bean
    ServiceHours serviceHours(HandoffProperties settings, AppProperties app) {
        return new ServiceHours(settings.opens(), settings.closes(), app.timezone());
    }

    @Bean
    SummaryCard summaryCard(StaffTexts texts, AppProperties app) {
        return new SummaryCard(texts, app.timezone());
    }

    @Bean
    HandoffQueue handoffQueue(StringRedisTemplate redis, RedisKeys keys) {
        return new HandoffQueue(redis, keys);
    }

    @Bean
    StaffActivity staffActivity(StringRedisTemplate redis, RedisKeys keys) {
        return new StaffActivity(redis, keys);
    }

    @Bean
    HandoffForgetting handoffForgetting(HandoffQueue queue, StaffActivity activity, ThreadIndex threads,
                                        Ratings ratings, Transcript transcript, StaffDesks desks, StaffTexts texts) {
        return new HandoffForgetting(queue, activity, threads, ratings, transcript, desks.desk(), texts);
    }

    @Bean
    ThreadIndex threadIndex(StringRedisTemplate redis, RedisKeys keys) {
        return new ThreadIndex(redis, keys);
    }

    @Bean
    Ratings ratings(StringRedisTemplate redis, RedisKeys keys, ObjectMapper json) {
        return new Ratings(redis, keys, json);
    }

    @Bean
    Transcript transcript(StringRedisTemplate redis, RedisKeys keys, ObjectMapper json, HandoffProperties settings) {
        return new Transcript(redis, keys, json, settings.transcriptSize(), settings.transcriptTtl());
    }

    @Bean
    HandoffEscalation handoffEscalation(StaffDesks desks, ThreadIndex threads, HandoffQueue queue, Transcript transcript,
                            ServiceHours hours, SummaryCard card, StaffTexts texts, HandoffProperties settings,
                            StaffOrderLookup orders, ObjectProvider<FlowHandler> flows, ConversationEvents events,
                            kefu.nlu.DialogueCues cues) {
        return new HandoffEscalation(desks.desk(), threads, queue, transcript, hours, card, texts, settings, orders, flows,
                events, cues);
    }

    @Bean
    HumanHandoffHandler humanHandoffHandler(HandoffEscalation escalations, Keywords keywords) {
        return new HumanHandoffHandler(escalations, keywords);
    }

    @Bean
    TranscriptRecorder transcriptRecorder(Transcript transcript) {
        return new TranscriptRecorder(transcript);
    }

    @Bean
    StaffOwnedRelay staffOwnedRelay(StaffDesks desks, HandoffEscalation escalations, HandoffQueue queue,
                                    StaffActivity activity, StaffTexts texts, AppProperties app, ServiceHours hours,
                                    HandoffProperties settings, Keywords keywords) {
        return new StaffOwnedRelay(desks.desk(), escalations, queue, activity, texts, app.timezone(), hours, settings,
                keywords);
    }

    @Bean
    RatingButtonHandler ratingButtonHandler(Ratings ratings, StaffDesks desks, StaffTexts texts,
                                            ConversationEvents events) {
        return new RatingButtonHandler(ratings, desks.desk(), texts, events);
    }

    @Bean
    StaffOrderLookup staffOrderLookup(ShopGateway shop, StaffTexts texts, AppProperties app) {
        return new ShopOrderLookup(shop, texts, app.timezone());
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    DeliveryNotifier deliveryNotifier(kefu.shop.notices.DeliveryWatches watches, ShopGateway shop, BuyerMessengers messengers,
                                      ConversationStore store, StaffTexts texts, kefu.shop.notices.NoticeProperties settings) {
        return new DeliveryNotifier(watches, shop, messengers, store, texts, settings);
    }

    @Bean
    KeptTicketDesk keptTicketDesk(kefu.shop.ShopConnection shop, StaffDesks desks, BuyerMessengers messengers,
                                  ConversationStore store, StaffTexts texts, AppProperties app, Keywords keywords) {
        return new KeptTicketDesk(shop, desks.desk(), messengers, store, texts, app.timezone(), keywords);
    }

    @Bean
    StaffActions staffActions(ConversationStore store, SessionProperties session, ThreadIndex threads,
                              HandoffQueue queue, StaffActivity activity, Transcript transcript,
                              HandoffEscalation escalations, SummaryCard card, StaffDesks desks, BuyerMessengers messengers,
                              StaffOrderLookup orders, StaffTexts texts, HandoffProperties settings,
                              BanList bans, KeptTicketDesk tickets, StaffNames names, Clock clock,
                              ConversationEvents events) {
        return new StaffActions(store, session, threads, queue, activity, transcript, escalations, card, desks.desk(),
                messengers, orders, texts, settings,
                new StaffBans(bans, threads, desks.desk(), texts), tickets, names, clock, events);
    }

    @Bean
    StaffNames staffNames(StringRedisTemplate redis, RedisKeys keys, HandoffProperties settings) {
        return new StaffNames(redis, keys, settings);
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    HandoffSweeper handoffSweeper(HandoffQueue queue, StaffActivity activity, StaffActions actions,
                                  ConversationStore store, StaffDesks desks, StaffTexts texts, ServiceHours hours,
                                  HandoffProperties settings, Clock clock) {
        return new HandoffSweeper(queue, activity, actions, store, desks.desk(), texts, hours, settings, clock);
    }
}
