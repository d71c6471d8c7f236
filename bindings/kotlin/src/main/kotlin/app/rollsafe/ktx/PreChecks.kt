// Factories for the pre-session checklist.
package app.rollsafe.ktx

import app.rollsafe.PreChecks

/**
 * The checklist with every answer in the safe direction: device cleaned, skin clean,
 * and no breakout, cold sore, open wound or sunburn. The core has this as `ALL_CLEAR`;
 * the generated Kotlin has no such constant.
 */
fun PreChecks.Companion.allClear(): PreChecks =
    PreChecks(
        deviceCleaned = true,
        skinClean = true,
        activeBreakout = false,
        coldSore = false,
        openWound = false,
        sunburn = false,
    )
