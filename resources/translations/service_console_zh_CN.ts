<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CallDesk</name>
    <message>
        <source>Calls</source>
        <translation>来电</translation>
    </message>
    <message>
        <source>Calls and call-backs</source>
        <translation>来电与回拨</translation>
    </message>
    <message>
        <source>Phone link status</source>
        <translation>电话系统连接状态</translation>
    </message>
    <message>
        <source>Call queue</source>
        <translation>来电队列</translation>
    </message>
    <message>
        <source>The picked call</source>
        <translation>选中的来电</translation>
    </message>
    <message>
        <source>Pick a call in the queue (Ctrl+J, then ↑/↓ and Enter).</source>
        <translation>请在队列中选择来电（Ctrl+J，然后按 ↑/↓ 和 Enter）。</translation>
    </message>
    <message>
        <source>No call picked</source>
        <translation>未选择来电</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>来电人</translation>
    </message>
    <message>
        <source>Probable match (same last digits): check the name before you use it.</source>
        <translation>可能匹配（尾号相同）：称呼客户前请先核对姓名。</translation>
    </message>
    <message>
        <source>Probable match warning</source>
        <translation>可能匹配提示</translation>
    </message>
    <message>
        <source>Greeting to say</source>
        <translation>问候语</translation>
    </message>
    <message>
        <source>About the caller</source>
        <translation>来电人信息</translation>
    </message>
    <message>
        <source>&amp;Open profile</source>
        <translation>打开档案(&amp;O)</translation>
    </message>
    <message>
        <source>Open the caller&apos;s profile</source>
        <translation>打开来电人的档案</translation>
    </message>
    <message>
        <source>Co&amp;mplaint (%1)</source>
        <translation>投诉(&amp;M) (%1)</translation>
    </message>
    <message>
        <source>Start a complaint for this caller</source>
        <translation>为此来电人登记投诉</translation>
    </message>
    <message>
        <source>Dismiss this call card</source>
        <translation>关闭此来电卡片</translation>
    </message>
    <message>
        <source>Who is calling</source>
        <translation>来电人是谁</translation>
    </message>
    <message>
        <source>Customers with this number</source>
        <translation>使用此号码的客户</translation>
    </message>
    <message>
        <source>&amp;This is the caller</source>
        <translation>就是此来电人(&amp;T)</translation>
    </message>
    <message>
        <source>This is the caller</source>
        <translation>就是此来电人</translation>
    </message>
    <message>
        <source>New caller</source>
        <translation>新来电人</translation>
    </message>
    <message>
        <source>Create pro&amp;file</source>
        <translation>新建档案(&amp;F)</translation>
    </message>
    <message>
        <source>Create a profile with this number</source>
        <translation>用此号码新建客户档案</translation>
    </message>
    <message>
        <source>Find a customer to attach the number to</source>
        <translation>查找要关联此号码的客户</translation>
    </message>
    <message>
        <source>…or attach the number to: name, phone, member no.</source>
        <translation>…或将号码关联到：姓名、电话、会员号</translation>
    </message>
    <message>
        <source>Customers to attach the number to</source>
        <translation>可关联此号码的客户</translation>
    </message>
    <message>
        <source>&amp;Attach number</source>
        <translation>关联号码(&amp;A)</translation>
    </message>
    <message>
        <source>Attach the number to the selected customer</source>
        <translation>将号码关联到所选客户</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>提示信息</translation>
    </message>
    <message>
        <source>Missed calls to return</source>
        <translation>待回拨的未接来电</translation>
    </message>
    <message>
        <source>Called &amp;back</source>
        <translation>已回拨(&amp;B)</translation>
    </message>
    <message>
        <source>Mark as called back</source>
        <translation>标记为已回拨</translation>
    </message>
    <message>
        <source>Nobody is waiting for a call back.</source>
        <translation>暂无需要回拨的客户。</translation>
    </message>
    <message>
        <source>Call-back list status</source>
        <translation>回拨列表状态</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Calls columns</source>
        <translation>来电记录列</translation>
    </message>
    <message>
        <source>Calls rows</source>
        <translation>来电记录行</translation>
    </message>
    <message>
        <source>Complaint from the &amp;caller</source>
        <translation>来电人投诉(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Calls</source>
        <translation>来电(&amp;C)</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>电话(&amp;H)</translation>
    </message>
    <message>
        <source>Copy the phone-system &amp;URL</source>
        <translation>复制电话系统网址(&amp;U)</translation>
    </message>
    <message>
        <source>Listening for calls on %1</source>
        <translation>正在 %1 上接收来电</translation>
    </message>
    <message>
        <source>Phone link off: %1</source>
        <translation>电话系统未连接：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) in the queue</source>
        <translation>
            <numerusform>队列中有 %n 个来电</numerusform>
        </translation>
    </message>
    <message>
        <source>No calls yet. Waiting for the phone system…</source>
        <translation>暂无来电，正在等待电话系统…</translation>
    </message>
    <message>
        <source>Phone-system URL copied (keep it secret).</source>
        <translation>已复制电话系统网址（请勿外传）。</translation>
    </message>
    <message>
        <source>Customer #%1</source>
        <translation>客户 #%1</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) share this number</source>
        <translation>
            <numerusform>%n 位客户使用此号码</numerusform>
        </translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Loading the profile…</source>
        <translation>正在加载档案…</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) have %1. Who is calling?</source>
        <translation>
            <numerusform>%n 位客户使用 %1。来电人是哪位？</numerusform>
        </translation>
    </message>
    <message>
        <source>New caller · %1</source>
        <translation>新来电人 · %1</translation>
    </message>
    <message>
        <source>(not a usable number)</source>
        <translation>（号码不可用）</translation>
    </message>
    <message>
        <source>&amp;Dismiss card</source>
        <translation>关闭卡片(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>关闭(&amp;D)</translation>
    </message>
    <message>
        <source>Last visit %1 (%2)</source>
        <translation>上次光临：%1（%2）</translation>
    </message>
    <message>
        <source>No visits yet</source>
        <translation>尚未光临</translation>
    </message>
    <message>
        <source>Last purchase %1: %2</source>
        <translation>上次购买 %1：%2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>Calls (%n)</source>
        <translation>
            <numerusform>来电（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>Pick a call from a known customer first.</source>
        <translation>请先选择一个已知客户的来电。</translation>
    </message>
    <message>
        <source>Complaints are not available in this version yet.</source>
        <translation>此版本暂不支持投诉功能。</translation>
    </message>
    <message>
        <source>no member no.</source>
        <translation>无会员号</translation>
    </message>
    <message>
        <source>missed %1</source>
        <translation>未接 %1</translation>
    </message>
    <message numerus="yes">
        <source>Call back (%n)</source>
        <translation>
            <numerusform>回拨（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>回拨</translation>
    </message>
</context>
<context>
    <name>CallLabels</name>
    <message>
        <source>ringing</source>
        <translation>振铃中</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>已接听</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>未接</translation>
    </message>
    <message>
        <source>incoming</source>
        <translation>呼入</translation>
    </message>
    <message>
        <source>outgoing</source>
        <translation>呼出</translation>
    </message>
    <message>
        <source>exact match</source>
        <translation>完全匹配</translation>
    </message>
    <message>
        <source>probable match</source>
        <translation>可能匹配</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <source>Open complaint</source>
        <translation>未结投诉</translation>
    </message>
    <message>
        <source>Birthday today</source>
        <translation>今天生日</translation>
    </message>
    <message>
        <source>Reward available — tell them</source>
        <translation>有可兑换奖励——请告知客户</translation>
    </message>
    <message>
        <source>First visit</source>
        <translation>首次光临</translation>
    </message>
    <message>
        <source>Topics to avoid</source>
        <translation>需避免的话题</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>金卡</translation>
    </message>
</context>
<context>
    <name>CallWords</name>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1小时%2分</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1分%2秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1秒</translation>
    </message>
    <message>
        <source>missed just now</source>
        <translation>刚刚未接</translation>
    </message>
    <message numerus="yes">
        <source>missed %n min ago</source>
        <translation>
            <numerusform>%n分钟前未接</numerusform>
        </translation>
    </message>
    <message>
        <source>missed at %1</source>
        <translation>%1 未接</translation>
    </message>
    <message>
        <source>missed %1</source>
        <translation>%1 未接</translation>
    </message>
    <message>
        <source>ringing %1</source>
        <translation>振铃中 %1</translation>
    </message>
    <message>
        <source>talking %1 · %2</source>
        <translation>通话中 %1 · %2</translation>
    </message>
    <message>
        <source>talking %1</source>
        <translation>通话中 %1</translation>
    </message>
    <message>
        <source>ended · %1</source>
        <translation>已结束 · %1</translation>
    </message>
    <message>
        <source>Withheld number</source>
        <translation>隐藏号码</translation>
    </message>
    <message>
        <source>no visits yet</source>
        <translation>尚未光临</translation>
    </message>
    <message>
        <source>last visit %1</source>
        <translation>上次光临 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>光临%n次</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <source>agent</source>
        <translation>客服</translation>
    </message>
    <message>
        <source>trainer</source>
        <translation>培训师</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Backed up to {path}</source>
        <translation>已备份到 {path}</translation>
    </message>
    <message>
        <source>{name} · {role}  (Ctrl+Shift+L to lock)</source>
        <translation>{name} · {role}（Ctrl+Shift+L 锁定）</translation>
    </message>
    <message>
        <source>Backup failed: {error}</source>
        <translation>备份失败：{error}</translation>
    </message>
    <message>
        <source>Open complaint: {summary}</source>
        <translation>未结投诉：{summary}</translation>
    </message>
    <message>
        <source>Open complaint: {summary} — reply promised by {when} ({left})</source>
        <translation>未结投诉：{summary} — 已承诺在 {when} 前答复（{left}）</translation>
    </message>
    <message>
        <source>turned off (setting cti_enabled)</source>
        <translation>已关闭（设置 cti_enabled）</translation>
    </message>
    <message>
        <source>Adding demo customers for a first look…</source>
        <translation>正在添加演示客户，供初次体验…</translation>
    </message>
    <message>
        <source>Demo data ready: {customers} customers, {purchases} purchases.</source>
        <translation>演示数据已就绪：{customers} 位客户，{purchases} 笔消费。</translation>
    </message>
    <message>
        <source>Service Console — database passphrase</source>
        <translation>服务台 — 数据库密码短语</translation>
    </message>
    <message>
        <source>Choose a passphrase of at least {count} characters. Nobody can recover the data without it.</source>
        <translation>请设置至少 {count} 个字符的密码短语。没有它，任何人都无法恢复数据。</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>密码短语：</translation>
    </message>
    <message>
        <source>At least {count} characters, please.</source>
        <translation>请至少输入 {count} 个字符。</translation>
    </message>
    <message>
        <source>Type it again:</source>
        <translation>请再输入一次：</translation>
    </message>
    <message>
        <source>The two passphrases differ; try again.</source>
        <translation>两次输入的密码短语不一致，请重试。</translation>
    </message>
    <message>
        <source>That passphrase does not open the database.</source>
        <translation>该密码短语无法打开数据库。</translation>
    </message>
    <message>
        <source>Service Console</source>
        <translation>服务台</translation>
    </message>
    <message>
        <source>This database is not encrypted. Close the app and run &apos;service-console encrypt&apos; to protect customers&apos; data.</source>
        <translation>此数据库未加密。请关闭程序并运行“service-console encrypt”以保护客户数据。</translation>
    </message>
    <message>
        <source>No font that can show Chinese characters was found. Chinese names will show as boxes. On Debian/Ubuntu: sudo apt-get install fonts-noto-cjk</source>
        <translation>未找到可显示中文的字体，中文姓名将显示为方框。Debian/Ubuntu 上请运行：sudo apt-get install fonts-noto-cjk</translation>
    </message>
</context>
<context>
    <name>CustomerProfile</name>
    <message>
        <source>Customer profile</source>
        <translation>客户资料</translation>
    </message>
    <message>
        <source>Find a customer with the search box (Ctrl+K or /), or add a new one (Ctrl+N).</source>
        <translation>用搜索框查找客户（Ctrl+K 或 /），或新建客户（Ctrl+N）。</translation>
    </message>
    <message>
        <source>Greeting to say</source>
        <translation>问候语</translation>
    </message>
    <message>
        <source>Name and contact</source>
        <translation>姓名与联系方式</translation>
    </message>
    <message>
        <source>Visits, spend and loyalty</source>
        <translation>到店、消费与积分</translation>
    </message>
    <message>
        <source>Things to remember</source>
        <translation>注意事项</translation>
    </message>
    <message>
        <source>Log &amp;visit (Ctrl+L)</source>
        <translation>登记到店(&amp;V)（Ctrl+L）</translation>
    </message>
    <message>
        <source>Log a visit</source>
        <translation>登记一次到店</translation>
    </message>
    <message>
        <source>Add &amp;purchase (Ctrl+P)</source>
        <translation>添加消费(&amp;P)（Ctrl+P）</translation>
    </message>
    <message>
        <source>Add a purchase</source>
        <translation>添加一笔消费</translation>
    </message>
    <message>
        <source>&amp;Edit (Ctrl+E)</source>
        <translation>编辑(&amp;E)（Ctrl+E）</translation>
    </message>
    <message>
        <source>Edit customer</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <source>&amp;Reward given (Ctrl+R)</source>
        <translation>已兑换奖励(&amp;R)（Ctrl+R）</translation>
    </message>
    <message>
        <source>Record that the reward was given</source>
        <translation>记录奖励已兑换</translation>
    </message>
    <message>
        <source>Start &amp;complaint (Ctrl+Shift+C)</source>
        <translation>登记投诉(&amp;C)（Ctrl+Shift+C）</translation>
    </message>
    <message>
        <source>Start a complaint for this customer</source>
        <translation>为该客户登记投诉</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>At a glance</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>What to remember</source>
        <translation>注意事项</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>消费记录</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>到店记录</translation>
    </message>
    <message>
        <source>{table} columns</source>
        <translation>{table}的列</translation>
    </message>
    <message>
        <source>{table} rows</source>
        <translation>{table}的行</translation>
    </message>
    <message>
        <source>Purchases ({count})</source>
        <translation>消费记录（{count}）</translation>
    </message>
    <message>
        <source>Visits ({count})</source>
        <translation>到店记录（{count}）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Address as: {name}</source>
        <translation>称呼：{name}</translation>
    </message>
    <message>
        <source>Member {number} · {tier}</source>
        <translation>会员 {number} · {tier}</translation>
    </message>
    <message>
        <source>Looked after by {name}</source>
        <translation>专属服务：{name}</translation>
    </message>
    <message>
        <source>Birthday {date}</source>
        <translation>生日 {date}</translation>
    </message>
    <message>
        <source>Greetings: {greetings} · Offers: {offers}</source>
        <translation>接收问候：{greetings} · 接收优惠：{offers}</translation>
    </message>
    <message numerus="yes">
        <source>%n reward(s) available — tell them: {reward}</source>
        <translation>
            <numerusform>有%n份奖励可领 — 请告知客户：{reward}</numerusform>
        </translation>
    </message>
    <message>
        <source>{stamps} of {every} stamps</source>
        <translation>已集 {stamps}/{every} 个印章</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n visit(s)&lt;/b&gt; so far</source>
        <translation>
            <numerusform>至今&lt;b&gt;到店%n次&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;No visits yet&lt;/b&gt;</source>
        <translation>&lt;b&gt;尚无到店记录&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Last seen {ago} ({date})</source>
        <translation>上次光临：{ago}（{date}）</translation>
    </message>
    <message numerus="yes">
        <source>Lifetime spend {amount} over %n purchase(s)</source>
        <translation>
            <numerusform>累计消费 {amount}，共%n笔</numerusform>
        </translation>
    </message>
    <message>
        <source>Favourites: {items}</source>
        <translation>常买：{items}</translation>
    </message>
    <message>
        <source>Loyalty ({rule}): {status}</source>
        <translation>积分卡（{rule}）：{status}</translation>
    </message>
    <message>
        <source>Likes</source>
        <translation>喜好</translation>
    </message>
    <message>
        <source>nothing noted yet</source>
        <translation>暂无记录</translation>
    </message>
    <message>
        <source>Dislikes / allergies</source>
        <translation>忌口 / 过敏</translation>
    </message>
    <message>
        <source>none noted</source>
        <translation>暂无记录</translation>
    </message>
    <message>
        <source>Topics to avoid</source>
        <translation>避免的话题</translation>
    </message>
    <message>
        <source>Kind of customer</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Open complaint: acknowledge it first — no cheerful small talk.</source>
        <translation>有未结投诉：请先回应投诉，不要轻松寒暄。</translation>
    </message>
    <message>
        <source>Open complaint</source>
        <translation>未结投诉</translation>
    </message>
    <message>
        <source>Press Enter or click to open it</source>
        <translation>按 Enter 或点击打开</translation>
    </message>
    <message>
        <source>Click or Enter opens it</source>
        <translation>点击或按 Enter 打开</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>明天</translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>%n天后</numerusform>
        </translation>
    </message>
    <message>
        <source>Birthday today</source>
        <translation>今天生日</translation>
    </message>
    <message>
        <source>Birthday {when}</source>
        <translation>{when}生日</translation>
    </message>
    <message>
        <source>{occasion} {when}</source>
        <translation>{when}：{occasion}</translation>
    </message>
    <message>
        <source>Reward available — tell them</source>
        <translation>有奖励可领 — 请告知客户</translation>
    </message>
    <message>
        <source>First visit</source>
        <translation>首次到店</translation>
    </message>
    <message>
        <source>Make them feel welcome</source>
        <translation>让客户感到宾至如归</translation>
    </message>
</context>
<context>
    <name>ItemRow</name>
    <message>
        <source>Drink</source>
        <translation>饮品</translation>
    </message>
    <message>
        <source>Food</source>
        <translation>食品</translation>
    </message>
    <message>
        <source>Retail</source>
        <translation>零售商品</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>e.g. Earl Grey tea, 茉莉花茶</source>
        <translation>例如：伯爵茶、茉莉花茶</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Enter the price</source>
        <translation>请输入价格</translation>
    </message>
    <message>
        <source>“{text}” is not an amount of money (at most 2 decimals)</source>
        <translation>“{text}”不是有效金额（最多两位小数）</translation>
    </message>
    <message>
        <source>“{text}” is not an amount of money</source>
        <translation>“{text}”不是有效金额</translation>
    </message>
    <message>
        <source>A price cannot be negative</source>
        <translation>价格不能为负数</translation>
    </message>
    <message>
        <source>Enter what was bought</source>
        <translation>请输入所购商品</translation>
    </message>
    <message>
        <source>Item {n} name</source>
        <translation>第 {n} 项商品名称</translation>
    </message>
    <message>
        <source>Item {n} category</source>
        <translation>第 {n} 项类别</translation>
    </message>
    <message>
        <source>Item {n} quantity</source>
        <translation>第 {n} 项数量</translation>
    </message>
    <message>
        <source>Item {n} unit price</source>
        <translation>第 {n} 项单价</translation>
    </message>
    <message>
        <source>Remove item {n}</source>
        <translation>删除第 {n} 项</translation>
    </message>
    <message>
        <source>Item {n} total</source>
        <translation>第 {n} 项小计</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Service Console</source>
        <translation>服务台</translation>
    </message>
    <message>
        <source>Search customers</source>
        <translation>搜索客户</translation>
    </message>
    <message>
        <source>Find a customer: name, 拼音, phone or its last 4 digits, member no., email  (Ctrl+K or /)</source>
        <translation>查找客户：姓名、拼音、电话或尾号4位、会员号、邮箱（Ctrl+K 或 /）</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>&amp;Find customer</source>
        <translation>查找客户(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New customer…</source>
        <translation>新建客户(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit customer…</source>
        <translation>编辑客户(&amp;E)…</translation>
    </message>
    <message>
        <source>Log &amp;visit</source>
        <translation>登记到店(&amp;V)</translation>
    </message>
    <message>
        <source>Add &amp;purchase…</source>
        <translation>添加消费(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Reward given</source>
        <translation>已兑换奖励(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Phrasebook…</source>
        <translation>话术库(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>今日(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>Phrasebook — Service Console</source>
        <translation>话术库 — 服务台</translation>
    </message>
    <message>
        <source>Open a customer first (search with Ctrl+K).</source>
        <translation>请先打开一位客户（按 Ctrl+K 搜索）。</translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>出错了：{error}</translation>
    </message>
    <message numerus="yes">
        <source>%n found — Enter opens the highlighted customer, ↓ moves down.</source>
        <translation>
            <numerusform>找到%n位 — 按 Enter 打开选中的客户，按 ↓ 向下移动。</numerusform>
        </translation>
    </message>
    <message>
        <source>No customer matches “{query}”. Press Ctrl+N to add them.</source>
        <translation>没有与“{query}”匹配的客户。按 Ctrl+N 新建。</translation>
    </message>
    <message>
        <source>Customer #{number} no longer exists.</source>
        <translation>客户 #{number} 已不存在。</translation>
    </message>
    <message>
        <source>Visit logged for {name}.</source>
        <translation>已为 {name} 登记到店。</translation>
    </message>
    <message>
        <source>No reward is available for this customer yet.</source>
        <translation>该客户暂无可领取的奖励。</translation>
    </message>
    <message>
        <source>Reward recorded as given.</source>
        <translation>已记录奖励兑换。</translation>
    </message>
    <message>
        <source>Customer saved.</source>
        <translation>客户已保存。</translation>
    </message>
    <message>
        <source>The phrasebook is not available here.</source>
        <translation>此处无法使用话术库。</translation>
    </message>
</context>
<context>
    <name>PurchaseDialog</name>
    <message>
        <source>In store</source>
        <translation>门店</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>线上</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Add purchase</source>
        <translation>添加消费</translation>
    </message>
    <message>
        <source>Add purchase — {name}</source>
        <translation>添加消费 — {name}</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Line total</source>
        <translation>小计</translation>
    </message>
    <message>
        <source>&amp;Add item</source>
        <translation>添加商品(&amp;A)</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>添加商品</translation>
    </message>
    <message>
        <source>C&amp;urrency</source>
        <translation>币种(&amp;U)</translation>
    </message>
    <message>
        <source>C&amp;hannel</source>
        <translation>渠道(&amp;H)</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save purchase</source>
        <translation>保存消费</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>check item {numbers}</source>
        <translation>请检查第 {numbers} 项</translation>
    </message>
    <message>
        <source>add at least one item</source>
        <translation>至少添加一项商品</translation>
    </message>
    <message>
        <source>Total  {amount}</source>
        <translation>合计  {amount}</translation>
    </message>
    <message>
        <source>To save: {problems}.</source>
        <translation>保存前请：{problems}。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Could not save: {error}</source>
        <translation>无法保存：{error}</translation>
    </message>
</context>
<context>
    <name>SearchResults</name>
    <message>
        <source>last visit {date}</source>
        <translation>上次到店 {date}</translation>
    </message>
    <message>
        <source>no visits yet</source>
        <translation>尚无到店记录</translation>
    </message>
</context>
<context>
    <name>StaffMenu</name>
    <message>
        <source>&amp;Staff</source>
        <translation>员工(&amp;S)</translation>
    </message>
    <message>
        <source>Lock / switch staff</source>
        <translation>锁定 / 切换员工</translation>
    </message>
    <message>
        <source>Staff &amp;accounts…</source>
        <translation>员工账号(&amp;A)…</translation>
    </message>
    <message>
        <source>Audit &amp;trail…</source>
        <translation>审计日志(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
</context>
<context>
    <name>Tier</name>
    <message>
        <source>Regular</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>银卡</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>金卡</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
</context>
<context>
    <name>TimeWords</name>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>昨天</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n天前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n week(s) ago</source>
        <translation>
            <numerusform>%n周前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s) ago</source>
        <translation>
            <numerusform>%n个月前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) ago</source>
        <translation>
            <numerusform>%n年前</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Birthdays and anniversaries</source>
        <translation>生日与纪念日</translation>
    </message>
    <message>
        <source>Birthdays and anniversaries coming up</source>
        <translation>即将到来的生日与纪念日</translation>
    </message>
    <message>
        <source>We miss you — good customers not seen for a while</source>
        <translation>好久不见 — 一段时间未到店的老顾客</translation>
    </message>
    <message>
        <source>Good customers not seen for a while</source>
        <translation>一段时间未到店的老顾客</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>明天</translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>%n天后</numerusform>
        </translation>
    </message>
    <message>
        <source>Today, {weekday} {date}</source>
        <translation>今日：{date} {weekday}</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>{occasion} ({years})</source>
        <translation>{occasion}（{years}周年）</translation>
    </message>
    <message>
        <source>{occasion} {when} — {name}</source>
        <translation>{when}{occasion} — {name}</translation>
    </message>
    <message>
        <source>No birthdays or anniversaries this week.</source>
        <translation>本周没有生日或纪念日。</translation>
    </message>
    <message numerus="yes">
        <source>{name} — %n visit(s), last seen {ago}</source>
        <translation>
            <numerusform>{name} — 到店%n次，上次光临：{ago}</numerusform>
        </translation>
    </message>
    <message>
        <source>Everyone we know well has been in recently.</source>
        <translation>熟客最近都来过。</translation>
    </message>
</context>
</TS>
