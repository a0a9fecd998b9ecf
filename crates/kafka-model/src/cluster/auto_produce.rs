//! Auto-producers: a producer that sends on its own at a steady rate, with keys from a
//! pattern. Each tick produces one record through the normal path, so batching,
//! partitioning and acks behave exactly as for records a learner sends by hand.

use super::{Cluster, Event};
use crate::error::ModelError;
use crate::happening::HappeningKind;
use crate::producer::{AutoProduce, KeyPattern, ProducerId};
use crate::record::ProducerRecord;

impl Cluster {
    /// Starts (or with `None` stops) producing on its own at a steady rate.
    pub fn set_auto_produce(
        &mut self,
        producer: ProducerId,
        auto: Option<AutoProduce>,
    ) -> Result<(), ModelError> {
        self.producers
            .get(&producer)
            .ok_or(ModelError::UnknownProducer { producer })?;
        if let Some(a) = &auto {
            a.validate()?;
            self.topic_or_err(&a.topic)?;
        }
        let at = auto.as_ref().map(|a| self.now + a.interval_ms());
        let p = self.producer_mut(producer)?;
        p.auto = auto;
        p.auto_epoch += 1;
        let epoch = p.auto_epoch;
        if let Some(at) = at {
            self.schedule
                .push(at, Event::AutoProduce { producer, epoch });
        }
        Ok(())
    }

    pub(crate) fn on_auto_produce(&mut self, producer: ProducerId, epoch: u64) {
        let Some(p) = self
            .producers
            .get_mut(&producer)
            .filter(|p| p.auto_epoch == epoch)
        else {
            return;
        };
        let Some(auto) = p.auto.clone() else { return };
        let seq = p.auto_seq;
        p.auto_seq += 1;
        let key = match &auto.keys {
            KeyPattern::None => None,
            KeyPattern::Fixed(k) => Some(k.clone()),
            KeyPattern::Cycling(keys) => Some(keys[seq as usize % keys.len()].clone()),
            KeyPattern::Random(keys) => {
                Some(keys[self.rng.below(keys.len() as u64) as usize].clone())
            }
        };
        let value = format!("{}-{}", p.client_id, seq);
        let record = ProducerRecord::text(&auto.topic, key.as_deref(), &value);
        if self.produce(producer, record).is_err() {
            self.producers
                .get_mut(&producer)
                .expect("found at the start; producing never removes a producer")
                .auto = None;
            self.emit(HappeningKind::AutoProduceStopped {
                producer,
                topic: auto.topic,
            });
            return;
        }
        self.schedule.push(
            self.now + auto.interval_ms(),
            Event::AutoProduce { producer, epoch },
        );
    }
}
