//! Services at work: deploying, stopping, starting and removing them, and the handling of
//! each record delivered to a service's member. What a service is, and why it commits
//! only what it handled, is in [`crate::service`].

use super::{Cluster, Event};
use crate::collections::{SortedMap, SortedSet};
use crate::consumer::ConsumerRef;
use crate::error::{Invariant, ModelError, NameTakenBy, ServicePart};
use crate::happening::HappeningKind;
use crate::producer::ProducerId;
use crate::record::{Bytes, ProducerRecord};
use crate::service::{text_of, Reaction, Service, ServiceConfig, ServiceRecord};
use crate::TopicPartition;

impl Cluster {
    // ---------------------------------------------------------------- reading

    /// Services in name order.
    pub fn services(&self) -> impl Iterator<Item = &Service> {
        self.services.values()
    }

    pub fn service(&self, name: &str) -> Option<&Service> {
        self.services.get(name)
    }

    /// The shop's database: table -> key -> value.
    pub fn tables(&self) -> &SortedMap<String, SortedMap<String, String>> {
        &self.tables
    }

    pub fn table(&self, name: &str) -> Option<&SortedMap<String, String>> {
        self.tables.get(name)
    }

    /// The running service whose code runs in this group member, if any.
    pub fn service_of_member(&self, group: &str, member: &str) -> Option<&Service> {
        self.services
            .get(group)
            .filter(|s| s.running && s.member.as_deref() == Some(member))
    }

    /// Records in the service's input topics it has not handled (committed) yet: over
    /// every partition, high watermark − committed offset, or − the log start offset where
    /// nothing is committed (the group reads from the earliest). `None` for no such service.
    pub fn service_lag(&self, name: &str) -> Option<u64> {
        let s = self.services.get(name)?;
        let group = self.groups.get(name);
        let mut lag = 0;
        for topic in &s.config.inputs {
            let Some(t) = self.topics.get(topic) else {
                continue;
            };
            for p in &t.partitions {
                let tp = TopicPartition::new(topic, p.id);
                let from = group
                    .and_then(|g| g.committed(&tp))
                    .unwrap_or_else(|| p.log_start_offset());
                lag += p.high_watermark.saturating_sub(from);
            }
        }
        Some(lag)
    }

    // ---------------------------------------------------------------- commands

    /// Deploys a service: creates its consumer group `name` (the playground's consumer
    /// defaults, but committing only what it handled and starting from the earliest
    /// offset), a member with client id `name` subscribed to the inputs, and — if a
    /// reaction produces — a producer with client id `name`. Its tables are created empty.
    pub fn create_service(&mut self, name: &str, config: ServiceConfig) -> Result<(), ModelError> {
        if name.is_empty() {
            return Err(ModelError::config("service name", "must not be empty"));
        }
        let taken = |by| ModelError::ServiceNameTaken {
            service: name.to_string(),
            by,
        };
        if self.services.contains_key(name) {
            return Err(taken(NameTakenBy::Service));
        }
        if self.groups.contains_key(name) {
            return Err(taken(NameTakenBy::Group));
        }
        if self.producers.values().any(|p| p.client_id == name) {
            return Err(taken(NameTakenBy::Producer));
        }
        config.validate(name)?;
        for topic in config
            .inputs
            .iter()
            .map(String::as_str)
            .chain(config.outputs())
        {
            self.topic_or_err(topic)?;
        }
        if let Some(topic) = self.loop_through(&config) {
            return Err(ModelError::ServiceLoop {
                service: name.to_string(),
                topic,
            });
        }
        // Validated: from here on the command succeeds.
        let mut config = config;
        let mut seen = SortedSet::new();
        config.inputs.retain(|t| seen.insert(t.clone()));
        self.emit(HappeningKind::ServiceCreated {
            service: name.to_string(),
        });
        self.retiring_groups.remove(name);
        self.create_group(name, ServiceConfig::group_config())
            .invariant("the name is free and the config valid");
        let producer = config.produces().then(|| {
            self.create_producer(name, ServiceConfig::producer_config())
                .invariant("the service producer config is valid")
        });
        for table in config.tables() {
            self.tables.entry(table.to_string()).or_default();
        }
        self.services.insert(
            name.to_string(),
            Service::new(name.to_string(), config, producer),
        );
        self.launch_service(name)
    }

    /// The service goes down: its member crashes (the group notices only after
    /// session.timeout.ms), records delivered but not handled are dropped — they were not
    /// committed, so they are handled after a restart.
    pub fn stop_service(&mut self, name: &str) -> Result<(), ModelError> {
        let s = self.service_or_err(name)?;
        if !s.running {
            return Err(ModelError::ServiceAlreadyStopped {
                service: name.to_string(),
            });
        }
        self.emit(HappeningKind::ServiceStopped {
            service: name.to_string(),
        });
        let s = self
            .services
            .get_mut(name)
            .expect("the command checked the service exists");
        s.running = false;
        s.drop_work();
        if let Some(member) = s.member.take() {
            if self.member_running(name, &member) {
                self.crash_running_member(name, &member);
            }
        }
        Ok(())
    }

    /// The service comes back: a new member (client id = the service name) joins its group
    /// and, once assigned, resumes from the committed offsets.
    pub fn start_service(&mut self, name: &str) -> Result<(), ModelError> {
        let s = self.service_or_err(name)?;
        if s.running {
            return Err(ModelError::ServiceAlreadyRunning {
                service: name.to_string(),
            });
        }
        self.group_or_err(name)?;
        self.emit(HappeningKind::ServiceStarted {
            service: name.to_string(),
        });
        let s = self
            .services
            .get_mut(name)
            .expect("the command checked the service exists");
        s.drop_work();
        s.running = true;
        self.launch_service(name)
    }

    /// Removes a service: its member leaves the group cleanly (if it runs), its producer
    /// sends what it holds and closes, and its group is deleted as soon as it is empty
    /// (at once, or when the leave — or a stopped member's session timeout — lands). Its
    /// tables stay: the database outlives the service.
    pub fn remove_service(&mut self, name: &str) -> Result<(), ModelError> {
        self.service_or_err(name)?;
        let s = self
            .services
            .remove(name)
            .expect("the command checked the service exists");
        self.emit(HappeningKind::ServiceRemoved {
            service: name.to_string(),
        });
        if let Some(member) = s
            .member
            .filter(|m| s.running && self.member_running(name, m))
        {
            self.remove_member(name, &member)
                .invariant("a running member of a group that exists");
        }
        if let Some(p) = s.producer.filter(|p| self.producers.contains_key(p)) {
            self.flush(p)
                .invariant("the service's producer was just found");
            self.remove_producer(p)
                .invariant("the service's producer exists and no service uses it any more");
        }
        match self.groups.get(name) {
            Some(g) if g.members.is_empty() => {
                self.delete_group(name)
                    .invariant("a group with no member and no service can be deleted");
            }
            Some(_) => {
                self.retiring_groups.insert(name.to_string());
            }
            None => {}
        }
        Ok(())
    }

    fn service_or_err(&self, name: &str) -> Result<&Service, ModelError> {
        self.services
            .get(name)
            .ok_or_else(|| ModelError::UnknownService {
                service: name.to_string(),
            })
    }

    /// Starts the service's process: a member joins its group.
    fn launch_service(&mut self, name: &str) -> Result<(), ModelError> {
        let inputs = self.service_or_err(name)?.config.inputs.clone();
        let member = self.add_member(name, name, inputs)?;
        let s = self
            .services
            .get_mut(name)
            .expect("service_or_err found the service; adding its member keeps it");
        s.member = Some(member);
        s.running = true;
        Ok(())
    }

    /// The first output topic from which records would flow back into one of the new
    /// service's inputs, through it and the existing services.
    fn loop_through(&self, config: &ServiceConfig) -> Option<String> {
        let mut edges: SortedMap<&str, SortedSet<&str>> = SortedMap::new();
        for s in self.services.values() {
            for input in &s.config.inputs {
                edges.entry(input).or_default().extend(s.config.outputs());
            }
        }
        for input in &config.inputs {
            edges.entry(input).or_default().extend(config.outputs());
        }
        config.outputs().into_iter().find_map(|start| {
            let mut seen = SortedSet::from([start]);
            let mut todo = vec![start];
            while let Some(topic) = todo.pop() {
                if config.inputs.iter().any(|i| i == topic) {
                    return Some(start.to_string());
                }
                for next in edges.get(topic).into_iter().flatten() {
                    if seen.insert(next) {
                        todo.push(next);
                    }
                }
            }
            None
        })
    }

    // ---------------------------------------------------------------- guards

    /// Refuses to delete a topic a service reads or produces to.
    pub(crate) fn check_topic_unused(&self, topic: &str) -> Result<(), ModelError> {
        match self.services.values().find(|s| {
            s.config.inputs.iter().any(|t| t == topic) || s.config.outputs().contains(&topic)
        }) {
            Some(s) => Err(ModelError::UsedByService {
                service: s.name.clone(),
                part: ServicePart::Topic(topic.to_string()),
            }),
            None => Ok(()),
        }
    }

    pub(crate) fn check_producer_unused(&self, producer: ProducerId) -> Result<(), ModelError> {
        match self
            .services
            .values()
            .find(|s| s.producer == Some(producer))
        {
            Some(s) => Err(ModelError::UsedByService {
                service: s.name.clone(),
                part: ServicePart::Producer,
            }),
            None => Ok(()),
        }
    }

    pub(crate) fn check_group_unused(&self, group: &str) -> Result<(), ModelError> {
        if self.services.contains_key(group) {
            return Err(ModelError::UsedByService {
                service: group.to_string(),
                part: ServicePart::Group,
            });
        }
        Ok(())
    }

    /// Refuses to act on the member running a service (leave, resubscribe) from outside.
    pub(crate) fn check_member_unused(&self, group: &str, member: &str) -> Result<(), ModelError> {
        if self.service_of_member(group, member).is_some() {
            return Err(ModelError::UsedByService {
                service: group.to_string(),
                part: ServicePart::Member(member.to_string()),
            });
        }
        Ok(())
    }

    // ---------------------------------------------------------------- handling

    /// Whether records delivered to this consumer go to a running service.
    pub(crate) fn feeds_service(&self, c: &ConsumerRef) -> bool {
        match c {
            ConsumerRef::Member { group, member } => {
                self.service_of_member(group, member).is_some()
            }
            ConsumerRef::Standalone(_) => false,
        }
    }

    /// Queues records delivered to a service's member. Returns whether the partition's
    /// fetch loop pauses because a poll's worth of records already waits.
    pub(crate) fn enqueue_for_service(
        &mut self,
        service: &str,
        records: Vec<ServiceRecord>,
        tp: &TopicPartition,
        token: u64,
    ) -> bool {
        let limit = self.poll_limit(service);
        let Some(s) = self.services.get_mut(service) else {
            return false;
        };
        s.queue.extend(records);
        self.start_next_record(service);
        let Some(s) = self.services.get_mut(service) else {
            return false;
        };
        let pause = s.queue.len() >= limit;
        if pause {
            s.paused.push((tp.clone(), token));
        }
        pause
    }

    fn poll_limit(&self, service: &str) -> usize {
        self.groups
            .get(service)
            .map_or(1, |g| g.config.max_poll_records as usize)
            .max(1)
    }

    /// Begins handling the next queued record if the service is idle.
    fn start_next_record(&mut self, service: &str) {
        let now = self.now;
        let Some(s) = self.services.get_mut(service) else {
            return;
        };
        if !s.running || s.in_progress.is_some() {
            return;
        }
        let Some(next) = s.queue.pop_front() else {
            return;
        };
        s.in_progress = Some(next);
        let at = now.saturating_add(s.config.processing_ms);
        let event = Event::ServiceHandles {
            service: service.to_string(),
            epoch: s.epoch,
        };
        self.schedule.push(at, event);
    }

    /// Resumes paused fetch loops once the queue has room for another poll.
    fn resume_service_fetches(&mut self, service: &str) {
        let limit = self.poll_limit(service);
        let Some(s) = self.services.get_mut(service) else {
            return;
        };
        if s.queue.len() >= limit || s.paused.is_empty() {
            return;
        }
        let Some(member) = s.member.clone() else {
            return;
        };
        let paused = std::mem::take(&mut s.paused);
        let c = ConsumerRef::Member {
            group: service.into(),
            member: member.into(),
        };
        for (tp, token) in paused {
            if self.cursor(&c, &tp).is_some_and(|cur| cur.token == token) {
                self.send_fetch(&c, &tp);
            }
        }
    }

    /// A service's member gave up partitions: what was delivered from them and not handled
    /// is dropped (the next owner reads it again from the committed offset), including the
    /// record in progress, whose handling is abandoned before it had any effect.
    pub(crate) fn service_partitions_revoked(
        &mut self,
        group: &str,
        member: &str,
        partitions: &[TopicPartition],
    ) {
        let Some(s) = self
            .services
            .get_mut(group)
            .filter(|s| s.member.as_deref() == Some(member))
        else {
            return;
        };
        s.queue.retain(|r| !partitions.contains(&r.partition));
        s.paused.retain(|(tp, _)| !partitions.contains(tp));
        if s.in_progress
            .as_ref()
            .is_some_and(|r| partitions.contains(&r.partition))
        {
            s.in_progress = None;
            s.epoch = s.epoch.wrapping_add(1);
        }
        self.start_next_record(group);
        self.resume_service_fetches(group);
    }

    /// A service finished handling its record: the happening, the reactions in order, the
    /// commit of the next offset, and on to the next record.
    pub(crate) fn on_service_handles(&mut self, service: String, epoch: u64) {
        let Some(s) = self.services.get_mut(&service) else {
            return;
        };
        if !s.running || s.epoch != epoch {
            return;
        }
        let Some(record) = s.in_progress.take() else {
            return;
        };
        s.handled = s.handled.saturating_add(1);
        let (reactions, producer, member) =
            (s.config.reactions.clone(), s.producer, s.member.clone());
        self.emit(HappeningKind::ServiceHandled {
            service: service.clone(),
            partition: record.partition.clone(),
            offset: record.offset,
            key: record.key.clone(),
            value: record.value.clone(),
        });
        for reaction in reactions {
            self.react(&service, producer, &record, reaction);
        }
        if let Some(member) = member.filter(|m| self.member_running(&service, m)) {
            let next = vec![(record.partition.clone(), record.offset.saturating_add(1))];
            self.send_commit(&service, &member, next, false);
        }
        self.start_next_record(&service);
        self.resume_service_fetches(&service);
    }

    fn react(
        &mut self,
        service: &str,
        producer: Option<ProducerId>,
        record: &ServiceRecord,
        reaction: Reaction,
    ) {
        match reaction {
            Reaction::Produce { topic, prefix } => {
                let value = record.value.as_ref().map(|v| {
                    let mut bytes = prefix.into_bytes();
                    bytes.extend_from_slice(v);
                    Bytes::from(bytes)
                });
                let out = ProducerRecord {
                    topic,
                    partition: None,
                    key: record.key.clone(),
                    value,
                    headers: Vec::new(),
                };
                let sent = match producer {
                    Some(p) => self.produce(p, out).is_ok(),
                    None => false,
                };
                if let Some(s) = self.services.get_mut(service) {
                    if sent {
                        s.records_produced = s.records_produced.saturating_add(1);
                    } else {
                        s.produce_errors = s.produce_errors.saturating_add(1);
                    }
                }
            }
            Reaction::WriteRow { table } => {
                let key = text_of(record.key.as_deref());
                let value = text_of(record.value.as_deref());
                self.tables
                    .entry(table.clone())
                    .or_default()
                    .insert(key.clone(), value.clone());
                if let Some(s) = self.services.get_mut(service) {
                    s.rows_written = s.rows_written.saturating_add(1);
                }
                self.emit(HappeningKind::RowWritten {
                    service: service.to_string(),
                    table,
                    key,
                    value,
                });
            }
            Reaction::SendEmail => {
                if let Some(s) = self.services.get_mut(service) {
                    s.emails_sent = s.emails_sent.saturating_add(1);
                }
                self.emit(HappeningKind::EmailSent {
                    service: service.to_string(),
                    key: text_of(record.key.as_deref()),
                    value: text_of(record.value.as_deref()),
                });
            }
        }
    }
}
