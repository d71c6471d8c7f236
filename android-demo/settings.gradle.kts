// The RollSafe Android demo: the Compose app (:app) and its plain-Kotlin logic (:logic),
// built against the RollSafe Android library in ../bindings/kotlin/android (generated
// bindings, the coroutine layer, and librollsafe_ffi.so per ABI), included as a build
// of its own. Run ../bindings/kotlin/android/build-rust.sh first.
pluginManagement {
    repositories {
        google()
        mavenCentral()
        gradlePluginPortal()
    }
}

dependencyResolutionManagement {
    repositoriesMode.set(RepositoriesMode.FAIL_ON_PROJECT_REPOS)
    repositories {
        google()
        mavenCentral()
    }
}

rootProject.name = "rollsafe-android-demo"

// The RollSafe library module, substituted for its coordinates wherever they are used.
includeBuild("../bindings/kotlin/android") {
    dependencySubstitution {
        substitute(module("app.rollsafe:rollsafe-android")).using(project(":"))
    }
}

include(":logic")
include(":app")
