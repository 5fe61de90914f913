package kefu.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import kefu.app.AppProperties;
import kefu.console.audit.AuditLog;
import kefu.console.conversations.ConversationFinder;
import kefu.console.hits.HitTesting;
import kefu.console.kb.ArticleFiles;
import kefu.console.unanswered.FallbackExamples;
import kefu.console.unanswered.QuestionGroups;
import kefu.console.unanswered.UnansweredQuestions;
import kefu.console.overview.ConversationCounters;
import kefu.console.overview.OverviewReport;
import kefu.console.users.ConsoleUserCommand;
import kefu.console.users.ConsoleUsers;
import kefu.console.users.LoginAttempts;
import kefu.conversation.ConversationEngine;
import kefu.knowledge.AnswerEngine;
import kefu.knowledge.KnowledgeBase;
import kefu.nlu.HybridIntentClassifier;
import kefu.nlu.TextEmbedder;
import kefu.conversation.ConversationStore;
import kefu.session.RedisKeys;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;

/** What the console keeps in Redis; present in every command, so counters run while the bot serves and the CLI manages users. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleProperties.class)
public class WebConsoleConfig {

    @Bean
    PasswordEncoder consolePasswordEncoder() {
        return new BCryptPasswordEncoder(12);
    }

    @Bean
    ConsoleUsers consoleUsers(StringRedisTemplate redis, RedisKeys keys, ObjectMapper json, PasswordEncoder encoder,
                              Clock clock) {
        return new ConsoleUsers(redis, keys, json, encoder, clock);
    }

    @Bean
    AuditLog auditLog(StringRedisTemplate redis, RedisKeys keys, ObjectMapper json, Clock clock) {
        return new AuditLog(redis, keys, json, clock);
    }

    @Bean
    LoginAttempts loginAttempts(StringRedisTemplate redis, RedisKeys keys, ConsoleProperties props) {
        return new LoginAttempts(redis, keys, props.loginAttempts(), props.loginWindow());
    }

    @Bean
    ConsoleUserCommand consoleUserCommand(ConsoleUsers users, AuditLog audit) {
        return new ConsoleUserCommand(users, audit);
    }

    @Bean
    ConversationCounters conversationCounters(StringRedisTemplate redis, RedisKeys keys, AppProperties app,
                                              ConsoleProperties props) {
        return new ConversationCounters(redis, keys, app.timezone(), props.keepDays());
    }

    @Bean
    HitTesting hitTesting(ConversationEngine engine, ConversationStore store, HybridIntentClassifier classifier,
                          AnswerEngine answers, KnowledgeBase knowledge) {
        return new HitTesting(engine, store, classifier, answers, knowledge);
    }

    @Bean
    ArticleFiles articleFiles(AppProperties app, KnowledgeBase knowledge, AuditLog audit) {
        return new ArticleFiles(app.knowledgeDir(), knowledge, audit);
    }

    @Bean
    UnansweredQuestions unansweredQuestions(StringRedisTemplate redis, RedisKeys keys, ObjectMapper json) {
        return new UnansweredQuestions(redis, keys, json);
    }

    @Bean
    QuestionGroups questionGroups(TextEmbedder embedder, ConsoleProperties props) {
        return new QuestionGroups(embedder, props.groupSimilarity());
    }

    @Bean
    FallbackExamples fallbackExamples(AppProperties app) {
        return new FallbackExamples(app.botDir());
    }

    @Bean
    ConversationFinder conversationFinder(StringRedisTemplate redis, RedisKeys keys, ConversationStore store) {
        return new ConversationFinder(redis, keys, store);
    }

    @Bean
    OverviewReport overviewReport(StringRedisTemplate redis, RedisKeys keys, Clock clock) {
        return new OverviewReport(redis, keys, clock);
    }
}
