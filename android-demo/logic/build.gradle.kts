// The demo's screen logic: state holders (StateFlow) and the notification reconciler.
// Plain Kotlin (no android.* imports; tests/kotlin/run.sh checks that and compiles and
// tests these sources on the JVM against the host library). It is an Android library
// module only because the RollSafe bindings it calls come as an Android library (AAR).
plugins {
    alias(libs.plugins.android.library)
    alias(libs.plugins.kotlin.android)
}

android {
    namespace = "app.rollsafe.demo.logic"
    compileSdk = 35

    defaultConfig {
        minSdk = 24
    }

    compileOptions {
        isCoreLibraryDesugaringEnabled = true
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }

    testOptions {
        unitTests.all {
            it.useJUnitPlatform()
            // Local unit tests load the host build of the library (tests/lib/build-library.sh).
            it.systemProperty("jna.library.path", rootDir.resolve("../target/test-lib").absolutePath)
        }
    }
}

kotlin {
    jvmToolchain(17)
}

dependencies {
    api(libs.rollsafe)
    implementation(libs.kotlinx.coroutines.core)
    implementation(libs.jna) { artifact { type = "aar" } }
    coreLibraryDesugaring(libs.desugar.jdk.libs)

    // The JVM jar of JNA carries the host's libjnidispatch for local unit tests.
    testImplementation(libs.jna)
    testImplementation(libs.junit.jupiter)
    testRuntimeOnly(libs.junit.platform.launcher)
}
