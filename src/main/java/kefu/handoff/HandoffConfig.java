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
    ConfiguredStaffDesk staffDesks(ObjectProvider<StaffDesk> channelDesks) {
        return new ConfiguredStaffDesk(channelDesks.orderedStream().toList());
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
                                        Ratings ratings, Transcript transcript, ConfiguredStaffDesk desks, StaffTexts texts) {
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
    HandoffEscalation handoffEscalation(ConfiguredStaffDesk desks, ThreadIndex threads, HandoffQueue queue, Transcript transcript,
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
    StaffOwnedRelay staffOwnedRelay(ConfiguredStaffDesk desks, HandoffEscalation escalations, HandoffQueue queue,
                                    StaffActivity activity, StaffTexts texts, AppProperties app, ServiceHours hours,
                                    HandoffProperties settings, Keywords keywords) {
        return new StaffOwnedRelay(desks.desk(), escalations, queue, activity, texts, app.timezone(), hours, settings,
                keywords);
    }

    @Bean
    RatingButtonHandler ratingButtonHandler(Ratings ratings, ConfiguredStaffDesk desks, StaffTexts texts,
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
    KeptTicketDesk keptTicketDesk(kefu.shop.ShopConnection shop, ConfiguredStaffDesk desks, TicketChangeNotice notice,
                                  StaffTexts texts, AppProperties app, Keywords keywords) {
        return new KeptTicketDesk(shop, desks.desk(), notice, texts, app.timezone(), keywords);
    }

    @Bean
    TicketChangeNotice ticketChangeNotice(BuyerMessengers messengers, ConversationStore store, StaffTexts texts) {
        return new TicketChangeNotice(messengers, store, texts);
    }

    @Bean
    StaffPolicy staffPolicy(HandoffProperties settings) {
        return new StaffPolicy(settings);
    }

    @Bean
    StaffTransaction staffTransaction(ConversationStore store, SessionProperties session, HandoffQueue queue,
                                      StaffActivity activity, Transcript transcript, SummaryCard card, ConfiguredStaffDesk desks,
                                      BuyerMessengers messengers, StaffTexts texts, HandoffProperties settings,
                                      Clock clock, ConversationEvents events) {
        return new StaffTransaction(store, session, queue, activity, transcript, card, desks.desk(), messengers, texts,
                settings, clock, events);
    }

    @Bean
    StaffTakeover staffTakeover(StaffTransaction transaction, StaffPolicy policy, ConversationStore store,
                                HandoffEscalation escalations, StaffActivity activity, StaffNames names,
                                StaffTexts texts, SessionProperties session, HandoffProperties settings) {
        return new StaffTakeover(transaction, policy, store, escalations, activity, names, texts, session, settings);
    }

    @Bean
    StaffReplies staffReplies(StaffTransaction transaction, StaffPolicy policy, StaffNames names, StaffTexts texts,
                              BuyerMessengers messengers, ConfiguredStaffDesk desks, SessionProperties session) {
        return new StaffReplies(transaction, policy, names, texts, messengers, desks.desk(), session);
    }

    @Bean
    StaffNotes staffNotes(StaffTransaction transaction, Transcript transcript, StaffNames names, StaffTexts texts) {
        return new StaffNotes(transaction, transcript, names, texts);
    }

    @Bean
    QueueView queueView(HandoffQueue queue, ConversationStore store, SummaryCard card, StaffTexts texts, Clock clock) {
        return new QueueView(queue, store, card, texts, clock);
    }

    @Bean
    DeskAnswers deskAnswers(ConfiguredStaffDesk desks, StaffTexts texts, StaffOrderLookup orders, StaffNames names,
                            QueueView queue, ThreadIndex threads, Transcript transcript, ConversationStore store) {
        return new DeskAnswers(desks.desk(), texts, orders, names, queue,
                new TypedContacts(desks.desk(), threads, transcript, store, texts));
    }

    @Bean
    StaffActions staffActions(StaffPolicy policy, ThreadIndex threads, StaffTakeover takeover, StaffReplies replies,
                              StaffNotes notes, DeskAnswers answers, KeptTicketDesk tickets, BanList bans,
                              ConfiguredStaffDesk desks, StaffTexts texts, StaffNames names) {
        return new StaffActions(new StaffCommandParser(), policy, desks.desk(), threads, takeover, replies, notes,
                answers, tickets, new StaffBans(bans, threads, desks.desk(), texts), names);
    }

    @Bean
    StaffNames staffNames(StringRedisTemplate redis, RedisKeys keys, HandoffProperties settings) {
        return new StaffNames(redis, keys, settings);
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    HandoffSweeper handoffSweeper(HandoffQueue queue, StaffActivity activity, StaffTakeover takeover,
                                  ConversationStore store, ConfiguredStaffDesk desks, StaffTexts texts, ServiceHours hours,
                                  HandoffProperties settings, Clock clock) {
        return new HandoffSweeper(queue, activity, takeover, store, desks.desk(), texts, hours, settings, clock);
    }
}
