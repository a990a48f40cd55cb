"""The message catalogue: every word and sentence cnai writes for people, in English, Korean
and Chinese.

Four tables, one tuple (en, ko, zh) per key: LABELS (column headers and field names), WORDS
(values and verdicts people read), UNIT_WORDS (benchmark units) and MESSAGES (sentences with
`str.format` fields: the fact-checker's explanations and the notices on stderr). Views, the
fact-checker and the CLI read them through `label`, `word` and `say`; a test fails when an
entry lacks a language or the languages disagree on the fields a message uses.
"""

from __future__ import annotations

LANGS = ("en", "ko", "zh")

# Labels people read, per language. Keys double as CSV headers and JSON row names.
LABELS: dict[str, tuple[str, str, str]] = {
    "id": ("ID", "ID", "ID"),
    "name": ("Name", "이름", "名称"),
    "names": ("Other names", "다른 이름", "其他名称"),
    "family": ("Family", "계열", "系列"),
    "vendor": ("Vendor", "개발사", "厂商"),
    "country": ("Country", "국가", "国家"),
    "released": ("Released", "공개일", "发布日期"),
    "architecture": ("Architecture", "구조", "架构"),
    "params": ("Params", "파라미터", "参数量"),
    "params.total": ("Params (total)", "전체 파라미터", "总参数量"),
    "params.active": ("Params (active)", "활성 파라미터", "激活参数量"),
    "active": ("Active", "활성", "激活"),
    "context": ("Context", "컨텍스트", "上下文"),
    "context.native": ("Context (native)", "기본 컨텍스트", "原生上下文"),
    "context.max": ("Context (max)", "최대 컨텍스트", "最大上下文"),
    "license": ("License", "라이선스", "许可证"),
    "open_weights": ("Open weights", "가중치 공개", "开放权重"),
    "languages": ("Languages", "지원 언어 수", "支持语言数"),
    "modalities": ("Modalities (in → out)", "입출력 형식", "模态（输入 → 输出）"),
    "reasoning": ("Reasoning", "추론 방식", "推理模式"),
    "base_model": ("Base model", "기반 모델", "基础模型"),
    "specialties": ("Specialties", "특화 분야", "专长"),
    "price.input": ("Price (input)", "가격 (입력)", "价格（输入）"),
    "price.output": ("Price (output)", "가격 (출력)", "价格（输出）"),
    "price.date": ("Price date", "가격 기준일", "价格日期"),
    "defined_in": ("Defined in", "정의된 파일", "定义文件"),
    "info.version": ("cnai version", "cnai 버전", "cnai 版本"),
    "info.snapshot": ("Registry snapshot", "레지스트리 기준일", "注册表快照日期"),
    "info.models": ("Models", "모델", "模型"),
    "info.families": ("Families", "모델 계열", "系列"),
    "info.vendors": ("Vendors", "개발사", "厂商"),
    "info.benchmarks": ("Benchmarks", "벤치마크", "基准测试"),
    "info.scores": ("Benchmark scores", "벤치마크 점수", "基准分数"),
    "info.prices": ("Dated prices", "일자별 가격", "带日期的价格"),
    "info.funding": ("Funding figures", "자금 항목", "资金条目"),
    "info.claims": ("Article claims", "기사 주장", "文章说法"),
    "info.rate_tables": ("Rate tables", "환율표", "汇率表"),
    "info.sources": ("Sources", "출처", "来源"),
    "info.rates": ("Rates cover", "환율 기간", "汇率覆盖"),
    "info.bundled": ("Bundled file", "기본 파일", "内置文件"),
    "info.overlay": ("Overlay", "덧씌운 파일", "叠加文件"),
    "price": ("Price", "가격", "价格"),
    "notes": ("Notes", "비고", "备注"),
    "source": ("Source", "출처", "来源"),
    "field": ("Field", "항목", "字段"),
    "value": ("Value", "값", "值"),
    "models": ("Models", "모델 수", "模型数"),
    "families": ("Families", "계열", "系列"),
    "measures": ("Measures", "측정 대상", "衡量内容"),
    "unit": ("Unit", "단위", "单位"),
    "higher_is_better": ("Higher is better", "높을수록 좋음", "越高越好"),
    "kind": ("Kind", "종류", "类型"),
    "date": ("Date", "날짜", "日期"),
    "amount": ("Amount", "금액", "金额"),
    "converted": ("Converted", "환산액", "换算"),
    "rate": ("Rate", "환율", "汇率"),
    "rate_source": ("Rate source", "환율 출처", "汇率来源"),
    "input": ("Input", "입력", "输入"),
    "output": ("Output", "결과", "结果"),
    "verdict": ("Verdict", "판정", "结论"),
    "stated": ("Article says", "기사 내용", "文章所述"),
    "check": ("Check", "검증", "核查"),
    "rank": ("#", "순위", "排名"),
    "setting": ("Setting", "측정 조건", "测评设置"),
    "line": ("Line", "행", "行"),
}
WORDS: dict[str, tuple[str, str, str]] = {
    "yes": ("yes", "예", "是"),
    "no": ("no", "아니요", "否"),
    "unknown": ("—", "—", "—"),
    "undisclosed": ("undisclosed", "비공개", "未披露"),
    "moe": ("MoE", "MoE", "MoE"),
    "dense": ("dense", "Dense", "稠密"),
    "none": ("none", "없음", "无"),
    "reasoning": ("reasoning", "추론 전용", "推理"),
    "hybrid": ("hybrid (thinking on/off)", "하이브리드 (사고 모드 전환)", "混合（可切换思考）"),
    "self_reported": ("self-reported", "자체 보고", "自报"),
    "best": ("* best in row", "* 행에서 가장 좋은 값", "* 该行最佳"),
    "tied": ("= tied for best", "= 공동 최고", "= 并列最佳"),
    "in_effect": ("in effect", "적용 중", "当前适用"),
    "published": ("published", "발표", "发布"),
    "replaces": ("replaces the entry in", "다음 파일의 항목을 대체", "取代以下文件中的条目"),
    "price_in": ("in", "입력", "输入"),
    "price_out": ("out", "출력", "输出"),
    "price_cached": ("cached in", "캐시 입력", "缓存命中输入"),
    "per_tokens": ("per {n} tokens", "/ 토큰 {n}개", "每{n}词元"),
    "price_from": ("from", "적용일", "起"),
    "other_regime": (
        "† measured in another setting (pass@k or benchmark version) than the rest: not comparable",
        "† 다른 조건(pass@k 또는 벤치마크 버전)에서 측정: 나머지와 비교 불가",
        "† 测评设置（pass@k 或基准版本）与其余不同：不可比较",
    ),
    "model_sources": (
        "{refs}: sources for every field that cites none of its own",
        "{refs}: 출처가 따로 없는 모든 항목의 출처",
        "{refs}：未单独标注来源的各项的来源",
    ),
    "fund": ("fund", "기금", "基金"),
    "budget": ("budget", "예산", "预算"),
    "spending": ("spending", "지출", "支出"),
    "global": ("global", "세계", "全球"),
    "right": ("right", "맞음", "正确"),
    "wrong": ("wrong", "틀림", "错误"),
    "overstated": ("overstated", "과장", "夸大"),
    "unsupported": ("unsupported", "근거 없음", "无依据"),
    "unverifiable": ("unverifiable", "검증 불가", "无法核实"),
    "unknown_model": ("unknown model", "모르는 모델", "未知模型"),
    "kind.conversion": ("conversion", "환산", "换算"),
    "kind.params": ("parameters", "파라미터", "参数量"),
    "kind.context": ("context", "컨텍스트", "上下文"),
    "kind.release": ("release date", "공개일", "发布日期"),
    "kind.benchmark": ("benchmark", "벤치마크", "基准测试"),
    "kind.license": ("licence", "라이선스", "许可证"),
    "kind.open_weights": ("open weights", "가중치 공개", "开放权重"),
    "kind.architecture": ("architecture", "구조", "架构"),
    "kind.languages": ("languages", "지원 언어", "支持语言"),
    "kind.funding": ("funding", "자금", "资金"),
    "kind.name": ("name", "이름", "名称"),
    "line": ("line {n}", "{n}행", "第{n}行"),
    "sentence_end": (". ", ". ", "。"),  # between two sentences of cnai's own prose
    "source_line": ("source: {titles}", "출처: {titles}", "来源：{titles}"),
    "sources_line": ("sources: {titles}", "출처: {titles}", "来源：{titles}"),
    "settings_differ": (
        "settings or currencies differ, not ranked",
        "측정 조건이나 통화가 달라 비교하지 않음",
        "测评设置或币种不同，不作比较",
    ),
}


# Benchmark units as a reader of each language says them (the registry stores the English word).
UNIT_WORDS: dict[str, tuple[str, str, str]] = {
    "rating": ("rating", "레이팅", "等级分"),
    "problems": ("problems", "문제", "题"),
    "score": ("score", "점", "分"),
}


MESSAGES: dict[str, tuple[str, str, str]] = {
    # -- notices on stderr
    "notice.nothing": ("{prog}: nothing matches", "{prog}: 조건에 맞는 항목이 없습니다", "{prog}：没有符合条件的条目"),
    "notice.rank_missing_one": (
        "{prog}: {count} model has no {by} value and is left out",
        "{prog}: {count}개 모델은 {by} 값이 없어 제외했습니다",
        "{prog}：{count} 个模型没有 {by} 数值，已略去",
    ),
    "notice.rank_missing": (
        "{prog}: {count} models have no {by} value and are left out",
        "{prog}: {count}개 모델은 {by} 값이 없어 제외했습니다",
        "{prog}：{count} 个模型没有 {by} 数值，已略去",
    ),
    "notice.rate_override": (
        "{prog}: using --rate {text} (1 {source} = {value} {target}) instead of the registry",
        "{prog}: 레지스트리 대신 --rate {text} (1 {source} = {value} {target})를 사용합니다",
        "{prog}：使用 --rate {text}（1 {source} = {value} {target}）代替注册表汇率",
    ),
    "notice.misnomer": (
        "{prog}: '{written}' is not a real name; it is taken to mean {real} ({id})",
        "{prog}: '{written}'은(는) 실제 이름이 아니며 {real}({id})로 해석했습니다",
        "{prog}：“{written}”并非真实名称，按 {real}（{id}）处理",
    ),
    "notice.stale_rates": (
        "{prog}: the newest exchange rates are from {date} ({age} days old); 'cnai update rates' fetches current ones",
        "{prog}: 가장 최근 환율이 {date} 기준({age}일 전)입니다. 'cnai update rates'로 최신 환율을 받을 수 있습니다",
        "{prog}：最新汇率日期为 {date}（已过 {age} 天）；可用 'cnai update rates' 获取最新汇率",
    ),
    # -- cnai check: the article's date
    "check.date.option": (
        "Article date: {date} (--date)",
        "기사 날짜: {date} (--date 지정)",
        "文章日期：{date}（--date 指定）",
    ),
    "check.date.dateline": (
        "Article date: {date} (the dateline)",
        "기사 날짜: {date} (기사에 적힌 날짜)",
        "文章日期：{date}（文中电头日期）",
    ),
    "check.date.text": (
        "Article date: {date} (no dateline: the latest date the text mentions; --date sets it)",
        "기사 날짜: {date} (날짜 표기가 없어 본문에 나온 가장 늦은 날짜를 씀; --date로 지정 가능)",
        "文章日期：{date}（无电头日期，取正文提到的最晚日期；可用 --date 指定）",
    ),
    "check.date.today": (
        "Article date: {date} (no date in the text: today; --date sets it)",
        "기사 날짜: {date} (본문에 날짜가 없어 오늘 날짜를 씀; --date로 지정 가능)",
        "文章日期：{date}（正文无日期，取今天；可用 --date 指定）",
    ),
    "check.nothing": (
        "No statement the registry can check was found.",
        "레지스트리로 검증할 수 있는 문장을 찾지 못했습니다.",
        "未找到可用注册表核查的陈述。",
    ),
    # -- names
    "check.name.wrong": (
        "'{written}' is not a real model name; the model is {real}",
        "'{written}'은(는) 실제 모델 이름이 아니다. 모델 이름은 {real}이다",
        "“{written}”并非真实的模型名称，该模型名为 {real}",
    ),
    "check.unknown": (
        "the registry has no model named '{written}': not judged",
        "레지스트리에 '{written}'라는 모델이 없어 판정하지 않음",
        "注册表中没有名为“{written}”的模型，未作判断",
    ),
    # -- conversions
    "check.conversion.no_rate": (
        "no {pair} rate in the registry to check the conversion",
        "레지스트리에 {pair} 환율이 없어 환산을 검증할 수 없음",
        "注册表中没有 {pair} 汇率，无法核查换算",
    ),
    "check.conversion.right": (
        "{stated} for {amount} implies {implied} {pair}; at {rate} {pair} ({date}) it is {recomputed}: within {pct}%",
        "기사: {amount} ≈ {stated} (환율 {implied} {pair}); {date} 환율 {rate} {pair}로 환산하면 {recomputed}: 차이 {pct}% 이내",
        "{amount}折合{stated}，隐含汇率 {implied} {pair}；按 {date} 汇率 {rate} {pair} 为 {recomputed}：误差在 {pct}% 以内",
    ),
    "check.conversion.fraction": (
        "{stated} for {amount} implies {implied} {pair}; at {rate} {pair} ({date}) it is {recomputed}: the stated figure is 1/{factor} of it",
        "기사: {amount} ≈ {stated} (환율 {implied} {pair}); {date} 환율 {rate} {pair}로 환산하면 {recomputed}: 기사 수치는 그 {factor}분의 1",
        "{amount}折合{stated}，隐含汇率 {implied} {pair}；按 {date} 汇率 {rate} {pair} 应为 {recomputed}：文中数字只有其{factor}分之一",
    ),
    "check.conversion.multiple": (
        "{stated} for {amount} implies {implied} {pair}; at {rate} {pair} ({date}) it is {recomputed}: the stated figure is {factor}× it",
        "기사: {amount} ≈ {stated} (환율 {implied} {pair}); {date} 환율 {rate} {pair}로 환산하면 {recomputed}: 기사 수치가 {factor}배 큼",
        "{amount}折合{stated}，隐含汇率 {implied} {pair}；按 {date} 汇率 {rate} {pair} 应为 {recomputed}：文中数字是其{factor}倍",
    ),
    "check.conversion.off": (
        "{stated} for {amount} implies {implied} {pair}; at {rate} {pair} ({date}) it is {recomputed}: {pct}% off",
        "기사: {amount} ≈ {stated} (환율 {implied} {pair}); {date} 환율 {rate} {pair}로 환산하면 {recomputed}: {pct}% 차이",
        "{amount}折合{stated}，隐含汇率 {implied} {pair}；按 {date} 汇率 {rate} {pair} 应为 {recomputed}：相差 {pct}%",
    ),
    "check.conversion.near": (
        "{stated} for {amount} implies {implied} {pair}; at {rate} {pair} ({date}) it is {recomputed}: {pct}%, "
        "within what rates move between dates (--date sets the article's date)",
        "기사: {amount} ≈ {stated} (환율 {implied} {pair}); {date} 환율 {rate} {pair}로 환산하면 {recomputed}: {pct}% 차이로, "
        "날짜에 따른 환율 변동 범위 안 (--date로 기사 날짜 지정)",
        "{amount}折合{stated}，隐含汇率 {implied} {pair}；按 {date} 汇率 {rate} {pair} 为 {recomputed}：相差 {pct}%，"
        "在不同日期汇率波动范围内（可用 --date 指定文章日期）",
    ),
    # -- funding
    "check.funding.right": (
        "matches {fund}: {value} ({date})",
        "레지스트리와 일치 — {fund}: {value} ({date})",
        "与{fund}一致：{value}（{date}）",
    ),
    # -- parameters
    "check.params.unknown": (
        "the registry has no parameter count for {name}",
        "레지스트리에 {name}의 파라미터 수가 없음",
        "注册表中没有 {name} 的参数量",
    ),
    "check.params.right": ("{name}: {stated} parameters", "{name}: 파라미터 {stated}", "{name}：参数量 {stated}"),
    "check.params.active": (
        "{name}: {stated} active parameters per token",
        "{name}: 토큰당 활성 파라미터 {stated}",
        "{name}：每个词元激活参数 {stated}",
    ),
    "check.params.is_total": (
        "{stated} is the total parameter count of {name} ({known}), not the active one",
        "{stated}은(는) {name}의 전체 파라미터 수({known})이지 활성 파라미터 수가 아님",
        "{stated} 是 {name} 的总参数量（{known}），不是激活参数量",
    ),
    "check.params.is_active": (
        "{stated} is the active parameter count of {name} ({known}), not the total",
        "{stated}은(는) {name}의 활성 파라미터 수({known})이지 전체 파라미터 수가 아님",
        "{stated} 是 {name} 的激活参数量（{known}），不是总参数量",
    ),
    "check.params.fraction": (
        "{name} has {known} parameters (total/active): {stated} is 1/{factor} of a registry figure",
        "{name}의 파라미터는 {known}(전체/활성): {stated}은(는) 레지스트리 수치의 {factor}분의 1",
        "{name} 的参数量为 {known}（总/激活）：{stated} 只有注册表数值的{factor}分之一",
    ),
    "check.params.multiple": (
        "{name} has {known} parameters (total/active): {stated} is {factor}× a registry figure",
        "{name}의 파라미터는 {known}(전체/활성): {stated}은(는) 레지스트리 수치의 {factor}배",
        "{name} 的参数量为 {known}（总/激活）：{stated} 是注册表数值的{factor}倍",
    ),
    "check.params.family_other": (
        "no {name} model in the registry has {stated} parameters (it holds {known})",
        "레지스트리의 {name} 모델 중 파라미터가 {stated}인 것은 없음 (등록된 값: {known})",
        "注册表中没有参数量为 {stated} 的 {name} 模型（已收录：{known}）",
    ),
    "check.params.wrong": (
        "{name} has {known} parameters (total/active), not {stated}",
        "{name}의 파라미터는 {known}(전체/활성)이며 {stated}이(가) 아님",
        "{name} 的参数量为 {known}（总/激活），不是 {stated}",
    ),
    # -- context
    "check.context.unknown": (
        "the registry has no context length for {name}",
        "레지스트리에 {name}의 컨텍스트 길이가 없음",
        "注册表中没有 {name} 的上下文长度",
    ),
    "check.context.right": (
        "{name}: context of {stated} tokens (registry: {known})",
        "{name}: 컨텍스트 {stated} 토큰 (레지스트리: {known})",
        "{name}：上下文 {stated} 词元（注册表：{known}）",
    ),
    "check.context.longer": (
        "{name} takes at most {longest} tokens, not {stated}",
        "{name}의 최대 컨텍스트는 {longest} 토큰이며 {stated}이(가) 아님",
        "{name} 最多支持 {longest} 词元，不是 {stated}",
    ),
    "check.context.other": (
        "{name}: the registry holds {known} tokens; {stated} is within it but not a figure the vendor gives",
        "{name}: 레지스트리 값은 {known} 토큰; {stated}은(는) 그 범위 안이지만 개발사가 밝힌 수치가 아님",
        "{name}：注册表为 {known} 词元；{stated} 在其范围内，但不是厂商公布的数字",
    ),
    # -- release dates
    "check.release.unknown": (
        "the registry has no release date for {name}",
        "레지스트리에 {name}의 공개일이 없음",
        "注册表中没有 {name} 的发布日期",
    ),
    "check.release.right": ("{name} was released on {known}", "{name} 공개일은 {known}", "{name} 发布于 {known}"),
    "check.release.timezone": (
        "{name} is dated {known} by its vendor; {stated} is a day apart, which time zones explain",
        "개발사가 밝힌 {name} 공개일은 {known}; {stated}과(와) 하루 차이로, 시간대 차이로 설명됨",
        "厂商标注 {name} 发布于 {known}；与 {stated} 相差一天，属时区差异",
    ),
    "check.release.month_day": (
        "{name} was released on {known}; the text gives no year ({stated}) and no article date: month and day agree",
        "{name} 공개일은 {known}; 본문에 연도({stated})와 기사 날짜가 없어 월·일만 비교했고 일치함",
        "{name} 发布于 {known}；正文未写年份（{stated}）且无文章日期，仅比较月日，一致",
    ),
    "check.release.no_year": (
        "the text gives no year ({stated}) and no article date; {name} is dated {known} (--date sets the article's date)",
        "본문에 연도({stated})와 기사 날짜가 없음; {name} 공개일은 {known} (--date로 기사 날짜 지정)",
        "正文未写年份（{stated}）且无文章日期；{name} 发布于 {known}（可用 --date 指定文章日期）",
    ),
    "check.release.partial": (
        "the registry dates {name} only to {known}",
        "레지스트리에는 {name} 공개 시점이 {known}까지만 있음",
        "注册表中 {name} 的发布日期只精确到 {known}",
    ),
    "check.release.wrong": (
        "{name} was released on {known}, not {stated}",
        "{name} 공개일은 {known}이며 {stated}이(가) 아님",
        "{name} 发布于 {known}，不是 {stated}",
    ),
    "check.release.family_other": (
        "no {name} model in the registry was released on {stated} (first: {known})",
        "레지스트리의 {name} 모델 중 {stated}에 공개된 것은 없음 (첫 공개 {known})",
        "注册表中没有在 {stated} 发布的 {name} 模型（首发 {known}）",
    ),
    # -- benchmarks
    "check.benchmark.none": (
        "the registry holds no {bench} figure for {name}",
        "레지스트리에 {name}의 {bench} 점수가 없음",
        "注册表中没有 {name} 的 {bench} 成绩",
    ),
    "check.benchmark.right_self": (
        "{name} on {bench}: {stated} as reported by its vendor ({setting})",
        "{name}의 {bench} 점수 {stated}: 개발사 자체 발표 ({setting})",
        "{name} 在 {bench} 上为 {stated}：厂商自报（{setting}）",
    ),
    "check.benchmark.right": (
        "{name} on {bench}: {stated} ({setting})",
        "{name}의 {bench} 점수 {stated} ({setting})",
        "{name} 在 {bench} 上为 {stated}（{setting}）",
    ),
    "check.benchmark.wrong": (
        "the registry holds {known} for {bench}, not {stated}",
        "레지스트리의 {bench} 점수는 {known}이며 {stated}이(가) 아님",
        "注册表中的 {bench} 成绩为 {known}，不是 {stated}",
    ),
    "check.benchmark.other": (
        "the registry holds {known} for {bench}; {stated} may be another setting",
        "레지스트리의 {bench} 점수는 {known}; {stated}은(는) 다른 측정 조건일 수 있음",
        "注册表中的 {bench} 成绩为 {known}；{stated} 可能是其他测评设置",
    ),
    # -- licences, open weights, architecture, languages
    "check.license.unknown": (
        "the registry has no licence for {name}",
        "레지스트리에 {name}의 라이선스가 없음",
        "注册表中没有 {name} 的许可证",
    ),
    "check.license.right": ("{name} is licensed {known}", "{name} 라이선스: {known}", "{name} 的许可证为 {known}"),
    "check.license.other": (
        "the registry holds {known} for {name}, not {stated}, but not for every model",
        "레지스트리의 {name} 라이선스는 {known}으로 {stated}이(가) 아니지만 모든 모델의 값이 있지는 않음",
        "注册表中 {name} 的许可证为 {known}，不是 {stated}，但并非每个模型都有记录",
    ),
    "check.license.wrong": (
        "{name} is licensed {known}, not {stated}",
        "{name} 라이선스는 {known}이며 {stated}이(가) 아님",
        "{name} 的许可证为 {known}，不是 {stated}",
    ),
    "check.open.unknown": (
        "the registry does not say whether {name}'s weights are published",
        "레지스트리에 {name}의 가중치 공개 여부가 없음",
        "注册表未记录 {name} 是否开放权重",
    ),
    "check.open.published": ("{name}'s weights are published", "{name}의 가중치는 공개됨", "{name} 已开放权重"),
    "check.open.unpublished": (
        "{name}'s weights are not published",
        "{name}의 가중치는 공개되지 않음",
        "{name} 未开放权重",
    ),
    "check.open.mixed": (
        "some {name} models have published weights, some do not",
        "{name} 모델 중 일부만 가중치가 공개됨",
        "{name} 系列中只有部分模型开放权重",
    ),
    "check.arch.unknown": (
        "the registry does not say whether {name} is MoE or dense",
        "레지스트리에 {name}의 구조(MoE/Dense)가 없음",
        "注册表未记录 {name} 是 MoE 还是稠密架构",
    ),
    "check.arch.right": ("{name} is {stated}", "{name}은(는) {stated} 구조", "{name} 为 {stated} 架构"),
    "check.arch.some": (
        "only some {name} models are {stated} ({some}); not {others}",
        "{name} 중 일부({some})만 {stated} 구조이고 {others}은(는) 아님",
        "{name} 中只有部分模型（{some}）为 {stated} 架构，{others} 不是",
    ),
    "check.arch.flagship": (
        "{name} is {stated} in its flagship {flagship}; other sizes differ ({others}), but the text names none of them",
        "{name}의 대표 모델 {flagship}은(는) {stated} 구조; 다른 크기({others})는 다르지만 본문은 그중 어느 것도 언급하지 않음",
        "{name} 的旗舰 {flagship} 为 {stated} 架构；其他规模（{others}）不同，但正文未提及",
    ),
    "check.release.launch": (
        "{name} first came out on {known}; {stated} is no release date of it the registry knows",
        "{name}은(는) {known}에 처음 공개됐으며, {stated}은(는) 레지스트리가 아는 공개일이 아님",
        "{name} 首发于 {known}；{stated} 不是注册表所知的任何发布日期",
    ),
    "check.arch.wrong": (
        "{name} is not {stated} ({others})",
        "{name}은(는) {stated} 구조가 아님 ({others})",
        "{name} 不是 {stated} 架构（{others}）",
    ),
    "check.languages.unknown": (
        "the registry has no language count for {name}",
        "레지스트리에 {name}의 지원 언어 수가 없음",
        "注册表中没有 {name} 的支持语言数",
    ),
    "check.languages.right": (
        "{name} supports {known} languages and dialects by its vendor's count",
        "개발사 집계로 {name}의 지원 언어·방언은 {known}개",
        "按厂商统计，{name} 支持 {known} 种语言和方言",
    ),
    "check.languages.other": (
        "the registry holds {known} languages for {name}, not {stated}, but not for every model",
        "레지스트리의 {name} 지원 언어 수는 {known}개로 {stated}개가 아니지만 모든 모델의 값이 있지는 않음",
        "注册表中 {name} 的支持语言数为 {known}，不是 {stated}，但并非每个模型都有记录",
    ),
    "check.languages.wrong": (
        "{name} supports {known} languages, not {stated}",
        "{name}의 지원 언어 수는 {known}개이며 {stated}개가 아님",
        "{name} 支持 {known} 种语言，不是 {stated} 种",
    ),
}


def say(key: str, lang: str, **fields: object) -> str:
    """The message `key` in `lang` (en when the language is unknown), its fields filled in."""
    entry = MESSAGES[key]
    template = entry[LANGS.index(lang)] if lang in LANGS else entry[0]
    return template.format(**fields)


def label(key: str, lang: str) -> str:
    """A column header or field name; the key itself when the catalogue has none."""
    entry = LABELS.get(key)
    return entry[LANGS.index(lang)] if entry else key


def word(key: str, lang: str) -> str:
    entry = WORDS.get(key)
    return entry[LANGS.index(lang)] if entry else key
