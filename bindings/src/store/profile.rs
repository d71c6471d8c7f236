//! The profile and the care plan.

use super::RollSafeStore;
use crate::error::RollSafeError;
use crate::records::{CarePlan, Profile, ProfileUpdate, SavedCarePlan, SavedProfile, alerts};
use crate::time::Moment;

#[uniffi::export]
impl RollSafeStore {
    /// Saves a new revision of the profile; earlier ones stay in the history.
    /// An answer confirmed more than five minutes after `now` is refused
    /// (`answers.confirmed_at`).
    pub fn save_profile(
        &self,
        profile: ProfileUpdate,
        now: Moment,
    ) -> Result<SavedProfile, RollSafeError> {
        let now = now.to_core("now")?;
        let changed = self.core.save_profile(profile.into_core()?, now)?;
        Ok(SavedProfile {
            profile: changed.value.into(),
            alerts: alerts(changed.alerts),
        })
    }

    /// The current profile, if one was saved.
    pub fn profile(&self) -> Result<Option<Profile>, RollSafeError> {
        Ok(self.core.profile()?.map(Profile::from))
    }

    /// Every saved revision of the profile, oldest first.
    pub fn profile_history(&self) -> Result<Vec<Profile>, RollSafeError> {
        Ok(self
            .core
            .profile_history()?
            .into_iter()
            .map(Profile::from)
            .collect())
    }

    /// Records a care plan from the user's dermatologist; it is in force from
    /// now on and wins over the defaults wherever it speaks. A plan set more
    /// than five minutes after `now` is refused (`set_at`).
    pub fn set_care_plan(
        &self,
        plan: CarePlan,
        now: Moment,
    ) -> Result<SavedCarePlan, RollSafeError> {
        let now = now.to_core("now")?;
        let changed = self.core.set_care_plan(plan.into_core()?, now)?;
        Ok(SavedCarePlan {
            plan: changed.value.into(),
            alerts: alerts(changed.alerts),
        })
    }

    /// The care plan in force, if any.
    pub fn care_plan(&self) -> Result<Option<CarePlan>, RollSafeError> {
        Ok(self.core.care_plan()?.map(CarePlan::from))
    }

    /// Every care plan recorded, oldest first.
    pub fn care_plan_history(&self) -> Result<Vec<CarePlan>, RollSafeError> {
        Ok(self
            .core
            .care_plan_history()?
            .into_iter()
            .map(CarePlan::from)
            .collect())
    }
}
